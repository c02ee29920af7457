function verify(screen, answer, task) {
  const sw = screen.find((n) => n.resourceId.endsWith('/wifi-switch'));
  if (!sw) return { ok: false, reason: 'the Wi-Fi switch is not on screen' };
  return sw.checked ? { ok: true, reason: 'Wi-Fi is on' } : { ok: false, reason: 'Wi-Fi is off' };
}
