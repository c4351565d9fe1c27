// Recovery codes travel back to the form that asked for them once, in the action's result, and are
// never stored anywhere they could be shown again.
import type { ActionState } from '../../actions/action-state';

type WithCodes = ActionState & { recoveryCodes: string[] };

export function withRecoveryCodes(state: ActionState, recoveryCodes: string[]): ActionState {
  const result: WithCodes = { ...state, recoveryCodes };
  return result;
}

export function recoveryCodesIn(state: ActionState): string[] | undefined {
  const codes = 'recoveryCodes' in state ? state.recoveryCodes : undefined;
  return Array.isArray(codes) && codes.every((code) => typeof code === 'string') ? codes : undefined;
}
