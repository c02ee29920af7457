import { describe, expect, it } from 'vitest';
import { matchApp, FUZZY_MAX_RATIO } from '../../src/devices/app-match.js';

const apps = [
  { id: 'ride', label: 'RideNow', aliases: ['滴滴出行', 'taxi'] },
  { id: 'settings', label: 'Settings', aliases: ['设置'] },
  { id: 'chat', label: 'Chat', aliases: ['微信', 'messages'] },
  { id: 'contacts', label: 'Contacts', aliases: ['通讯录'] },
];

describe('matchApp', () => {
  it('matches ids, labels and aliases regardless of case and spaces', () => {
    expect(matchApp(apps, 'ride now').id).toBe('ride');
    expect(matchApp(apps, 'SETTINGS').id).toBe('settings');
    expect(matchApp(apps, '设置').id).toBe('settings');
    expect(matchApp(apps, 'Taxi').id).toBe('ride');
  });

  it('accepts a unique substring and a near miss within the documented threshold', () => {
    expect(matchApp(apps, '滴滴').id).toBe('ride');
    expect(matchApp(apps, 'Setings').id).toBe('settings');
    expect(matchApp(apps, 'Contcts').id).toBe('contacts');
    expect(FUZZY_MAX_RATIO).toBeLessThan(0.5);
  });

  it('refuses far guesses and ambiguous substrings with the closest names', () => {
    expect(() => matchApp(apps, 'Calculator')).toThrow(/no app on this phone is called "Calculator"/);
    try {
      matchApp(apps, 'Calculator');
    } catch (e) {
      expect((e as { hint: string }).hint).toMatch(/closest: /);
    }
    expect(() => matchApp(apps, 'c')).toThrow(/unambiguously/);
    expect(() => matchApp(apps, '  ')).toThrow(/needs an app name/);
    expect(() => matchApp([], 'x')).toThrow(/no apps installed/);
  });
});
