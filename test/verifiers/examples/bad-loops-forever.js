function verify(final) { let i = 0; while (i >= 0) { i = (i + 1) % 7; } return { ok: true, reason: 'never' }; }
