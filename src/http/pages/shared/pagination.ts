/**
 * View data for the govuk pagination macro, shared by the paged lists (Mijn klanten, the users
 * under Beheer): the first and last page and those around the current one, with ellipses between;
 * none for a single page. `href` makes a page's address (with the list's own filters).
 */
import { messages } from '../../messages/index.ts';

export type PaginationView = Readonly<{
  previous: { href: string; text: string; labelText: string } | null;
  next: { href: string; text: string; labelText: string } | null;
  items: ({ number: string; href: string; current: boolean; visuallyHiddenText: string } | { ellipsis: true })[];
  landmarkLabel: string;
}>;

export function pagination(page: number, pages: number, href: (page: number) => string, landmarkLabel: string): PaginationView | null {
  if (pages <= 1) return null;
  const label = (n: number): string => messages.pagination.pageLabel(String(n));
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: PaginationView['items'] = [];
  shown.forEach((n, index) => {
    const before = shown[index - 1];
    if (before !== undefined && n - before > 1) items.push({ ellipsis: true });
    items.push({ number: String(n), href: href(n), current: n === page, visuallyHiddenText: label(n) });
  });
  return {
    previous: page > 1 ? { href: href(page - 1), text: messages.pagination.previous, labelText: label(page - 1) } : null,
    next: page < pages ? { href: href(page + 1), text: messages.pagination.next, labelText: label(page + 1) } : null,
    items,
    landmarkLabel,
  };
}
