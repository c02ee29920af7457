/** Search, filter and sort over the catalogue: what the results screen shows, in order. */
import { COLOURS, category, inStock, type Filters, type Product, type ShopState, type SortKey } from './data.js';

function haystack(p: Product): string {
  const c = category(p.cat);
  const colours = p.colours.flatMap((k) => [k, COLOURS[k][0]]);
  return [p.zh, p.en, p.brand, c.zh, c.en, ...c.keys, ...colours].join(' ').toLowerCase();
}

/** Every word of the query appears in the product's names, brand, category words or colours. */
export function matchesQuery(p: Product, q: string): boolean {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const h = haystack(p);
  return words.every((w) => h.includes(w));
}

export function matchesFilters(p: Product, f: Filters): boolean {
  if (f.min !== null && p.price < f.min) return false;
  if (f.max !== null && p.price > f.max) return false;
  if (f.brands.length && !f.brands.includes(p.brand)) return false;
  if (f.colours.length && !p.colours.some((c) => f.colours.includes(c))) return false;
  // A size filter keeps products that have that size in stock in some filtered (or any) colour.
  if (f.sizes.length) {
    const cols = f.colours.length ? p.colours.filter((c) => f.colours.includes(c)) : p.colours;
    if (!f.sizes.some((sz) => cols.some((c) => inStock(p, c, sz) > 0))) return false;
  }
  return true;
}

export function sortProducts(list: Product[], sort: SortKey): Product[] {
  const out = list.slice();
  const by: Record<SortKey, (a: Product, b: Product) => number> = {
    default: () => 0,
    sales: (a, b) => b.sales - a.sales,
    'price-asc': (a, b) => a.price - b.price,
    'price-desc': (a, b) => b.price - a.price,
    rating: (a, b) => b.rating - a.rating || b.reviews - a.reviews,
  };
  // Stable sort: ties keep catalogue order.
  return out.sort(by[sort]);
}

/** The results list for the current query, category, filters and sort. */
export function results(s: ShopState): Product[] {
  const hits = s.products.filter((p) => (!s.cat || p.cat === s.cat) && matchesQuery(p, s.query) && matchesFilters(p, s.filters));
  return sortProducts(hits, s.sort);
}

/** Brands, sizes and colours available among products matching the query (for filter chips). */
export function facets(s: ShopState): { brands: string[]; sizes: string[]; colours: string[] } {
  const base = s.products.filter((p) => (!s.cat || p.cat === s.cat) && matchesQuery(p, s.query));
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    brands: uniq(base.map((p) => p.brand)).sort(),
    sizes: uniq(base.flatMap((p) => p.sizes)),
    colours: Object.keys(COLOURS).filter((c) => base.some((p) => p.colours.includes(c))),
  };
}
