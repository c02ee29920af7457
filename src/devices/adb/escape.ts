/**
 * Building device shell command lines safely. The adb client sends `adb shell` arguments to the
 * device's sh as one string, so every argument we build is single-quoted: inside '...' the sh
 * treats every byte literally, and a quote itself is written as '\'' (close, escaped quote,
 * reopen). Typed text therefore can never run a command.
 */

/** One sh word that the device's shell reads back as exactly `s`. */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** Text `input text` can type: printable ASCII (no tabs, newlines or other control bytes). */
export function isInputTextSafe(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/**
 * `input text` command for printable ASCII. Spaces become %s (what `input text` turns into a
 * space; a literal "%s" in the text therefore types a space, an Android limitation).
 */
export function inputTextCommand(text: string): string {
  return `input text ${shQuote(text.replace(/ /g, '%s'))}`;
}

/** ADB Keyboard broadcast carrying UTF-8 text as base64 (any script, emoji, newlines). */
export function adbKeyboardCommand(text: string): string {
  return `am broadcast -a ADB_INPUT_B64 --es msg ${shQuote(Buffer.from(text, 'utf8').toString('base64'))}`;
}
