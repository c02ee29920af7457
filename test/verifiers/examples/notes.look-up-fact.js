const norm = (s) => String(s || '').normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
function verify(final, answer, params) {
  return norm(answer).includes(norm(params.value)) ? { ok: true, reason: 'the answer has ' + params.value } : { ok: false, reason: 'expected ' + params.value + ', got ' + answer };
}
