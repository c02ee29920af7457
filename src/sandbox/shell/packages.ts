/** Android packages of the phone's system parts (UI tree `package`, resource-ids, observe().app). */
export const LAUNCHER_PACKAGE = 'com.stepwise.launcher';
export const SYSTEMUI_PACKAGE = 'com.android.systemui';
export const KEYBOARD_PACKAGE = 'com.stepwise.inputmethod';
/** Field/scroll scope of the launcher (its search box is the field "home.search"). */
export const HOME_SCOPE = 'home';
export const HOME_SEARCH = 'home.search';
/** Soft-keyboard layer ('abc' | 'ABC' | '123'), kept in state so the same state draws the same keys. */
export const KEYBOARD_LAYER = 'shell.keyboard';
