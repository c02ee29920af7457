/**
 * Pure state transitions of the phone: navigation, overlays, fields and app actions. The page
 * shell calls these on user input and re-renders; tests call them directly in Node.
 */
import type { ActCtx, AppDef, DialogButton, PhoneState, ScreenRef, ViewCtx } from './framework.js';
import { StepwiseError } from '../core/errors.js';

export function appById(apps: readonly AppDef[], id: string): AppDef {
  const app = apps.find((a) => a.id === id);
  if (!app) throw new StepwiseError('not_found', `no sandbox app "${id}"`, `apps: ${apps.map((a) => a.id).join(', ')}`);
  return app;
}

/** The top screen of an app's stack (its home screen when the stack is empty). */
export function currentScreen(phone: PhoneState, app: AppDef): ScreenRef {
  const stack = phone.system.stacks[app.id];
  return stack && stack.length ? stack[stack.length - 1] : { name: app.home };
}

export function viewCtx<S>(phone: PhoneState, app: AppDef<S>): ViewCtx<S> {
  return {
    s: phone.apps[app.id] as S,
    phone,
    screen: currentScreen(phone, app),
    field: (key) => phone.system.fields[`${app.id}.${key}`] ?? '',
  };
}

export function openApp(phone: PhoneState, id: string): void {
  const sys = phone.system;
  sys.foreground = id;
  sys.recents = [id, ...sys.recents.filter((r) => r !== id)];
  if (!sys.stacks[id]?.length) sys.stacks[id] = [];
  sys.overlay = null;
  sys.focus = null;
  sys.home.view = 'grid';
}

export function goHome(phone: PhoneState): void {
  phone.system.foreground = null;
  phone.system.overlay = null;
  phone.system.focus = null;
  phone.system.home.view = 'grid';
}

/** Android back: hide the keyboard, else close an overlay, else pop a screen, else go home. */
export function systemBack(phone: PhoneState): void {
  const sys = phone.system;
  if (sys.focus) { sys.focus = null; return; }
  if (sys.overlay) { sys.overlay = null; return; }
  if (sys.foreground === null) { sys.home.view = 'grid'; return; }
  const stack = sys.stacks[sys.foreground] ?? [];
  if (stack.length) stack.pop();
  else goHome(phone);
}

export function actCtx<S>(phone: PhoneState, app: AppDef<S>): ActCtx<S> {
  const sys = phone.system;
  const stack = () => (sys.stacks[app.id] ??= []);
  const ctx: ActCtx<S> = {
    ...viewCtx(phone, app),
    system: sys,
    push(name, params) { stack().push({ name, params }); ctx.screen = currentScreen(phone, app); },
    pop() {
      if (stack().length) stack().pop(); else goHome(phone);
      ctx.screen = currentScreen(phone, app);
    },
    replace(name, params) { stack().pop(); stack().push({ name, params }); ctx.screen = currentScreen(phone, app); },
    resetTo(name, params) {
      sys.stacks[app.id] = name === app.home && !params ? [] : [{ name, params }];
      ctx.screen = currentScreen(phone, app);
    },
    toast(text) { sys.toast = text; },
    dialog(title, body, buttons: DialogButton[]) { sys.overlay = { kind: 'dialog', app: app.id, title, body, buttons }; },
    menu(items, title) { sys.overlay = { kind: 'menu', app: app.id, items, title }; },
    sheet(items, title) { sys.overlay = { kind: 'sheet', app: app.id, items, title }; },
    closeOverlay() { sys.overlay = null; },
    setField(key, value) { sys.fields[`${app.id}.${key}`] = value; },
    focus(key) { sys.focus = key === null ? null : `${app.id}.${key}`; },
    openApp(id) { openApp(phone, id); },
  };
  return ctx;
}

/**
 * Run one app action. (Toasts live until the next input: the shell clears them on every input,
 * which keeps screens deterministic without timers.)
 */
export function dispatch(phone: PhoneState, apps: readonly AppDef[], appId: string, action: string, arg = ''): void {
  const app = appById(apps, appId);
  const handler = app.actions[action];
  if (!handler) {
    throw new StepwiseError('not_found', `app "${appId}" has no action "${action}"`, `actions: ${Object.keys(app.actions).join(', ')}`);
  }
  handler(actCtx(phone, app), arg);
}

/** Render the current screen of an app as HTML (string). */
export function renderScreen(phone: PhoneState, app: AppDef): string {
  const ctx = viewCtx(phone, app);
  const render = app.screens[ctx.screen.name];
  if (!render) throw new StepwiseError('not_found', `app "${app.id}" has no screen "${ctx.screen.name}"`);
  return String(render(ctx));
}
