import { Link } from '@fluentui/react-components';
import { hrefFor } from '@renderer/lib/hashRoute';

/** A case code that opens the case page. */
export function CaseLink({ id, code }: { id: number; code: string }) {
  return <Link href={hrefFor(`sak/${id}`)}>{code}</Link>;
}
