import { sql, type Kysely } from 'kysely';
import { DEFAULT_LIFE_DOMAINS } from '@shared/domain/caseLife';
import { POPULATION_SEED } from '@shared/domain/populationSeed';
import { USERNAME_RULE } from '@shared/contract/teamMembers';
import { TEAM_ROLES } from '@shared/domain/caseStatus';
import { APP_ROLE, TEAM_SETTING } from '../../roles';

import { PUBLIC_SCHEMA_FUNCTIONS } from './rolesAndTeams';
import { UTC_NOW_SQL } from './teamTables';

/** A PL/pgSQL function that runs as the owner, with a fixed search_path so no caller's schema can stand in for ours. */
async function definerFunction(db: Kysely<any>, head: string, body: string, volatility: 'stable' | 'volatile' = 'volatile'): Promise<void> {
  await sql
    .raw(
      `create function ${head} language plpgsql ${volatility} security definer ${PUBLIC_SCHEMA_FUNCTIONS} as $$
${body}
$$`,
    )
    .execute(db);
}

/** A string as an SQL literal, for text generated into a function body (standard_conforming_strings is on). */
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Teams and members, made only through these functions. Each runs as the owner (SECURITY DEFINER, with a
 * fixed search_path so no caller's schema can stand in for ours), checks who calls it, and names a role
 * only after the user name passed the app's own rule (and then through %I). Passwords arrive as SCRAM
 * verifiers computed by the client (scramVerifier.ts), so no password in clear reaches the server, its
 * statements or its log.
 */
export async function createMemberFunctions(db: Kysely<any>): Promise<void> {
  const lifeDomains = DEFAULT_LIFE_DOMAINS.map(literal).join(', ');
  const populations = POPULATION_SEED.map((p) => `(${literal(p.municipality)}, ${p.year}, ${p.population})`).join(', ');
  await definerFunction(
    db,
    `ettervern_create_team(team_name text, with_defaults boolean default true) returns integer`,
    `    declare
      new_team integer;
      previous text := current_setting('${TEAM_SETTING}', true);
    begin
      if team_name is null or length(trim(team_name)) not between 1 and 100 then
        raise exception 'Teamnavnet må ha 1–100 tegn' using errcode = '22023';
      end if;
      -- Row-level security holds for the owner too: the team's rows (its own row included, which an insert …
      -- returning would have to see) are written as the new team's.
      new_team := nextval(pg_get_serial_sequence('public.teams', 'id'));
      perform set_config('${TEAM_SETTING}', new_team::text, true);
      insert into public.teams (id, name, created_at) values (new_team, trim(team_name), ${UTC_NOW_SQL});
      if with_defaults then
        insert into public.life_domains (team_id, name, sort_order)
          select new_team, d.name, d.n from unnest(array[${lifeDomains}]::text[]) with ordinality d(name, n);
        insert into public.municipality_years (team_id, municipality_id, year, population, updated_at)
          select new_team, m.id, s.year, s.population, s.year || '-01-01T00:00:00.000Z'
            from (values ${populations}) s(municipality, year, population)
            join public.municipalities m on m.name = s.municipality and m.kind = 'member';
      end if;
      perform set_config('${TEAM_SETTING}', coalesce(previous, ''), true);
      return new_team;
    end`,
  );

  const roles = TEAM_ROLES.map(literal).join(', ');
  // A member's login role and its mapping, after the checks that make a role name and password safe to use.
  await definerFunction(
    db,
    `ettervern_make_login(member_team integer, member_id integer, username text, password_verifier text, can_login boolean)
      returns void`,
    `    begin
      if username is null or username !~ ${literal(USERNAME_RULE.pattern.source)}
         or length(username) not between ${USERNAME_RULE.minLength} and ${USERNAME_RULE.maxLength} then
        raise exception 'Brukernavn kan bare ha små bokstaver a–z, tall, punktum, bindestrek og understrek (${USERNAME_RULE.minLength}–${USERNAME_RULE.maxLength} tegn)'
          using errcode = '22023';
      end if;
      if password_verifier is not null and password_verifier !~ '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$' then
        raise exception 'Passordet må komme som en SCRAM-SHA-256-nøkkel, aldri i klartekst' using errcode = '22023';
      end if;
      if exists (select from pg_catalog.pg_roles where rolname = username) then
        raise exception 'Brukernavnet er allerede i bruk på databaseserveren' using errcode = '42710';
      end if;
      execute format('create role %I %s password %L in role ${APP_ROLE}', username,
        case when can_login then 'login' else 'nologin' end, password_verifier);
      insert into public.team_member_roles (role_name, team_member_id, team_id) values (username, member_id, member_team);
    end`,
  );

  await definerFunction(
    db,
    `ettervern_add_member(member_team integer, username text, display_name text, initials text,
      password_verifier text, member_role text) returns integer`,
    `    declare
      new_member integer;
      previous text := current_setting('${TEAM_SETTING}', true);
    begin
      if member_role is null or member_role not in (${roles}) then
        raise exception 'Ukjent rolle' using errcode = '22023';
      end if;
      if display_name is null or length(trim(display_name)) not between 1 and 80 then
        raise exception 'Navnet må ha 1–80 tegn' using errcode = '22023';
      end if;
      if initials is null or initials !~ '^[^[:space:][:digit:][:punct:]]{2,4}$' or initials <> upper(initials) then
        raise exception 'Initialer skrives med 2–4 store bokstaver' using errcode = '22023';
      end if;
      -- Row-level security holds for the owner too: the member is written as the team's (and the team must
      -- be visible as that team's to exist).
      perform set_config('${TEAM_SETTING}', member_team::text, true);
      if not exists (select from public.teams where id = member_team) then
        raise exception 'Teamet finnes ikke' using errcode = '22023';
      end if;
      insert into public.team_members (team_id, username, display_name, initials, role, active, created_at)
        values (member_team, username, trim(display_name), initials, member_role, 1, ${UTC_NOW_SQL}) returning id into new_member;
      perform public.ettervern_make_login(member_team, new_member, username, password_verifier, true);
      perform set_config('${TEAM_SETTING}', coalesce(previous, ''), true);
      return new_member;
    end`,
  );

  // A login for a member who has none: the members a moved file brings (copied rows, no roles yet). The
  // team's administrator gives it in their own team; the owner in the team its session names.
  await definerFunction(
    db,
    `ettervern_give_login(member_id integer, password_verifier text) returns void`,
    `    declare
      member_team integer;
      login_name text;
      is_active integer;
    begin
      if exists (select from public.team_member_roles where role_name = session_user) then
        member_team := public.ettervern_administrators_team();
      else
        member_team := public.ettervern_current_team();
      end if;
      select m.username, m.active into login_name, is_active from public.team_members m where m.id = member_id and m.team_id = member_team;
      if login_name is null then
        raise exception 'Teammedlemmet finnes ikke i ditt team' using errcode = '22023';
      end if;
      if exists (select from public.team_member_roles r where r.team_member_id = member_id) then
        raise exception 'Teammedlemmet har allerede en pålogging' using errcode = '22023';
      end if;
      perform public.ettervern_make_login(member_team, member_id, login_name, password_verifier, is_active = 1);
    end`,
  );

  // The server's administrator gives a new team its first administrator (password set afterwards with
  // psql's \\password, which sends only a verifier, or passed here as one).
  await definerFunction(
    db,
    `ettervern_add_administrator(member_team integer, username text, display_name text, initials text,
      password_verifier text default null) returns integer`,
    `    begin
      return public.ettervern_add_member(member_team, username, display_name, initials, password_verifier, 'administrator');
    end`,
  );

  // The caller's team, when the caller is an active administrator of it; refused otherwise.
  await definerFunction(
    db,
    `ettervern_administrators_team() returns integer`,
    `    declare
      admin_team integer;
    begin
      select m.team_id into admin_team from public.team_member_roles r
        join public.team_members m on m.id = r.team_member_id and m.team_id = r.team_id
       where r.role_name = session_user and m.role = 'administrator' and m.active = 1;
      if admin_team is null then
        raise exception 'Bare teamets administrator kan opprette og deaktivere teammedlemmer' using errcode = '42501';
      end if;
      return admin_team;
    end`,
    'stable',
  );

  await definerFunction(
    db,
    `ettervern_create_member(username text, display_name text, initials text, password_verifier text,
      member_role text default 'teammedlem') returns integer`,
    `    begin
      -- Always in the caller's own team: there is no team to name.
      return public.ettervern_add_member(public.ettervern_administrators_team(), username, display_name, initials, password_verifier, member_role);
    end`,
  );

  await definerFunction(
    db,
    `ettervern_set_member_active(member_id integer, make_active boolean) returns void`,
    `    declare
      admin_team integer := public.ettervern_administrators_team();
      login_role text;
    begin
      select r.role_name into login_role from public.team_member_roles r where r.team_member_id = member_id and r.team_id = admin_team;
      if login_role is null then
        raise exception 'Teammedlemmet finnes ikke i ditt team' using errcode = '22023';
      end if;
      if login_role = session_user and not make_active then
        raise exception 'Du kan ikke deaktivere deg selv' using errcode = '22023';
      end if;
      -- NOLOGIN refuses every new sign-in; the member row keeps the history.
      execute format(case when make_active then 'alter role %I login' else 'alter role %I nologin' end, login_role);
      update public.team_members set active = case when make_active then 1 else 0 end, version = version + 1,
          updated_at = ${UTC_NOW_SQL}
        where id = member_id and team_id = admin_team;
    end`,
  );

  const signatures = {
    'ettervern_create_team(text, boolean)': null,
    'ettervern_make_login(integer, integer, text, text, boolean)': null,
    'ettervern_add_member(integer, text, text, text, text, text)': null,
    'ettervern_give_login(integer, text)': APP_ROLE,
    'ettervern_add_administrator(integer, text, text, text, text)': null,
    'ettervern_administrators_team()': null,
    'ettervern_create_member(text, text, text, text, text)': APP_ROLE,
    'ettervern_set_member_active(integer, boolean)': APP_ROLE,
  };
  for (const [fn, grantee] of Object.entries(signatures)) {
    await sql.raw(`revoke all on function ${fn} from public`).execute(db);
    if (grantee) await sql.raw(`grant execute on function ${fn} to ${grantee}`).execute(db);
  }
}

/**
 * The login role that wrote each audit row, set by the server: a trigger overrides whatever the client sent.
 * session_user rather than current_user, because a member can SET ROLE to the app's group role and would
 * then be recorded as that instead of themselves.
 */
export async function recordAuditRole(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log add column db_role text not null default session_user`.execute(db);
  await sql`create function audit_log_record_db_role() returns trigger language plpgsql as $$
    begin
      new.db_role := session_user;
      return new;
    end $$`.execute(db);
  await sql`create trigger audit_log_records_db_role before insert on audit_log
    for each row execute function audit_log_record_db_role()`.execute(db);
}
