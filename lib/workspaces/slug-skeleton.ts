// The look-alike form of a workspace slug. tenants.slug_skeleton is UNIQUE, so two slugs that a
// reader could mistake for each other in an address bar or a link (acme / acrne, paypal / paypa1)
// can never both name a workspace. Same idea as Unicode's UTS #39 skeleton, for ASCII slugs only:
// Unicode look-alikes never get this far (slugs are ASCII; punycode labels are refused).

// Each character maps to a fixed form. No form contains a character that is itself remapped, so
// one pass is enough and skeleton(skeleton(x)) === skeleton(x).
//
// Kept: confusions a reader actually makes in common sans-serif fonts.
//   0 → o      same round glyph in most fonts (UTS #39: 0 → O)
//   1, i → l   vertical strokes; 1 → l is UTS #39, and a link can show "cIoud" while the browser
//              goes to "cioud", so i has to fold with l too
//   m → rn     "rn" reads as "m" at URL-bar sizes (UTS #39: m → rn). Expanded, not contracted,
//              so overlapping runs (rnm, mrn) cannot give two different skeletons
//   w → vv     "vv" reads as "w"; real names almost never contain "vv", so it costs nothing
//   -          dropped: ac-me and a-p-i are the same name to a reader
// Left out, on purpose:
//   5/s, 3/e, 4/a, 8/b, 6/b, 9/g   leetspeak: readable substitutions, not misreadings (the digit
//              stands at cap height beside x-height letters), and folding them would pair
//              unrelated names such as k8s / kbs or 4cast / acast
//   cl → d     only at tight kerning; folding it would pair clone/done, clear/dear, clog/dog
const FORMS: Readonly<Record<string, string>> = {
  '-': '',
  '0': 'o',
  '1': 'l',
  i: 'l',
  m: 'rn',
  w: 'vv',
};

/** The canonical look-alike form of a slug: lower-case, hyphens dropped, confusable letters folded. */
export function slugSkeleton(slug: string): string {
  let skeleton = '';
  for (const char of slug.toLowerCase()) skeleton += FORMS[char] ?? char;
  return skeleton;
}
