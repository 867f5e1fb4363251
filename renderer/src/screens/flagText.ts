/** How a flag's identity and source read on screen. */
import type { FlagView } from '../../../shared/domain/flags';

export { identityText as rawIdentityText } from '../../../shared/rules/flagMatching';

export function flagSourceText(f: FlagView): string {
  const by = f.raisedBy ? `Raised by ${f.raisedBy}` : 'Who raised it was not recorded';
  const how = f.sourceFile ? `imported from ${f.sourceFile}` : 'entered by hand';
  return `${by}; ${how}${f.enteredBy ? ` by ${f.enteredBy}` : ''}`;
}
