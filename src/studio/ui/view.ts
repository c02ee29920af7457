/** A page of the UI: draws into a root element and handles keys until it is left. */
export interface View {
  onKey?(e: KeyboardEvent): void;
  leave?(): void;
}

export type Mount = (root: HTMLElement, args: string[], query: URLSearchParams) => View | Promise<View>;

export function go(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}
