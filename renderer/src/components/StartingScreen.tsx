import { PeopleTeamRegular } from '@fluentui/react-icons';

/**
 * What the window shows while the app asks the database whether it may start and who is signed in:
 * the very frame index.html paints before any script runs (its `boot-*` classes are styled there), so
 * React taking over the page changes nothing on screen until the sign-in form is ready.
 */
export function StartingScreen() {
  return (
    <div className="boot">
      <div className="boot-card">
        <div className="boot-brand">
          <PeopleTeamRegular aria-hidden />
          <span>Ettervern</span>
        </div>
        <div className="boot-status" role="status">
          <span className="boot-spinner" />
          Starter Ettervern …
        </div>
      </div>
    </div>
  );
}
