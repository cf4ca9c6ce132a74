/** Function words: they carry grammar, not content, so "content words" leave them out. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but nor so yet for of in on at to from by with about as into onto over under up down out off
  again still just also too very really quite even ever never always only then than that this these those there here
  is am are was were be been being do does did done have has had having will would shall should can could may might must
  i i'm i've i'd i'll me my mine we we're we've we'd we'll us our ours you you're you've you'd you'll your yours
  he him his she her hers it it's its they them their theirs they're who whom whose which what when where why how
  all any some no not each every both few more most other such own same s t don't doesn't didn't isn't aren't wasn't
  won't can't cannot if because while until till whether though although once since like get got go going gone
  one another everyone everybody anyone someone something anything nothing lot lots thing things well oh hey hi
  yes yeah ok okay right now today tonight day time new`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words of greeting, mood and small talk: content words that still tell the reader nothing.
 * "Specific words" are the content words outside this list.
 */
export const PHATIC: ReadonlySet<string> = new Set(
  `good great nice lovely wonderful amazing awesome beautiful fantastic happy glad hope hoping wish wishing
  everyone everybody folks friends fam guys morning afternoon evening night week weekend days tomorrow
  monday tuesday wednesday thursday friday saturday sunday mondays fridays weekends hump
  coffee tea lunch weather sunny rainy sun rain vibes vibe mood feeling feel love loving fun ahead back soon
  big news stay tuned coming exciting excited thanks thank cheers hello agreed agree true post lol haha wow omg
  first same said cool yay fun stuff`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that may stand before an imperative without taking its place at the head of the
 * clause: "please book", "just reply", "go grab yours", "jetzt bestellen", "ya disponible".
 */
export const LEAD_IN: ReadonlySet<string> = new Set(
  `please pls plz just so then and or now simply also go come quickly finally
  bitte jetzt einfach dann und gleich schnell
  por favor ya ahora y luego
  svp vite alors et maintenant
  agora já e então`
    .split(/\s+/)
    .filter(Boolean),
);
