/**
 * Reference data that rarely changes, kept in the process (issue 16): the step types with each
 * organisation's allowance (O13), the funding numbers and the offices. Every change to that data
 * raises a counter row in the same transaction (repositories/reference-versions.ts), and every
 * request reads the counter together with its session (sessions.findLiveWithActor). A cached
 * entry is used only while it is at least as new as the highest version this process has seen,
 * so an administrative change, made by any instance, is visible at the next request.
 *
 * On a miss the version is read before the data, in the caller's transaction: the data is then
 * at least as new as the version it is stored under (at worst it is loaded once more).
 *
 * The cache wraps the repositories, so use cases do not change: they call the same functions.
 */
import type { Repositories } from '../../db/repositories/index.ts';
import type { Executor } from '../../db/repositories/executor.ts';

const MAX_ENTRIES = 2_000;

type Entry = Readonly<{ version: number; value: unknown }>;

export function createReferenceCache(repos: Repositories) {
  let seen = 0;
  const entries = new Map<string, Entry>();

  function observe(version: number): void {
    if (version > seen) seen = version;
  }

  async function cached<T>(trx: Executor, key: string, load: () => Promise<T>): Promise<T> {
    const hit = entries.get(key);
    if (hit !== undefined && hit.version >= seen) return hit.value as T;
    const version = await repos.referenceVersions.current(trx);
    observe(version);
    const value = await load();
    if (entries.size >= MAX_ENTRIES) entries.clear();
    entries.set(key, { version, value });
    return value;
  }

  return {
    observe,
    /** The highest version seen (tests). */
    seenVersion: (): number => seen,
    cached,
    /** How many entries are held (tests). */
    size: (): number => entries.size,
  };
}

export type ReferenceCache = ReturnType<typeof createReferenceCache>;

/** The repositories with the reference reads served from `cache`, and sessions reporting the version they read. */
export function withReferenceCache(repos: Repositories, cache: ReferenceCache = createReferenceCache(repos)): Repositories {
  const { stepTypes, fundingNumbers, offices, sessions } = repos;
  const withAllowance = (trx: Executor, organisationId: string) =>
    cache.cached(trx, `allowance:${organisationId}`, async () => Object.freeze(await stepTypes.listWithAllowance(trx, organisationId)));
  return {
    ...repos,
    stepTypes: {
      ...stepTypes,
      listAll: (trx) => cache.cached(trx, 'step-types', async () => Object.freeze(await stepTypes.listAll(trx))).then((types) => [...types]),
      listWithAllowance: async (trx, organisationId) => [...(await withAllowance(trx, organisationId))],
      listAllowedFor: async (trx, organisationId) => (await withAllowance(trx, organisationId)).filter((t) => t.allowed).map(({ code, label, kind }) => ({ code, label, kind })),
    },
    fundingNumbers: {
      ...fundingNumbers,
      listOfOrganisation: (trx, organisationId) =>
        cache.cached(trx, `funding:${organisationId}`, async () => Object.freeze(await fundingNumbers.listOfOrganisation(trx, organisationId))).then((rows) => [...rows]),
      listValidOn: (trx, organisationId, day) =>
        cache.cached(trx, `funding:${organisationId}:${day}`, async () => Object.freeze(await fundingNumbers.listValidOn(trx, organisationId, day))).then((rows) => [...rows]),
    },
    offices: {
      ...offices,
      findById: (trx, id) => cache.cached(trx, `office:${id}`, () => offices.findById(trx, id)),
    },
    sessions: {
      ...sessions,
      findLiveWithActor: async (trx, idHash, now) => {
        const found = await sessions.findLiveWithActor(trx, idHash, now);
        if (found !== undefined) cache.observe(found.referenceVersion);
        return found;
      },
    },
  };
}
