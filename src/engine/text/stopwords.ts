/** A set of the words in a text, split at white space: the lists below are written as prose lines. */
const words = (text: string): ReadonlySet<string> => new Set(text.split(/\s+/).filter(Boolean));

/** Function words: they carry grammar, not content, so "content words" leave them out. */
export const STOPWORDS: ReadonlySet<string> = words(
  `a an the and or but nor so yet for of in on at to from by with about as into onto over under up down out off
  again still just also too very really quite even ever never always only then than that this these those there here
  is am are was were be been being do does did done have has had having will would shall should can could may might must
  i i'm i've i'd i'll me my mine we we're we've we'd we'll us our ours you you're you've you'd you'll your yours
  he him his she her hers it it's its they them their theirs they're who whom whose which what when where why how
  all any some no not each every both few more most other such own same s t don't doesn't didn't isn't aren't wasn't
  won't can't cannot if because while until till whether though although once since like get got go going gone
  one another everyone everybody anyone someone something anything nothing lot lots thing things well oh hey hi
  yes yeah ok okay right now today tonight day time new
  el la los las un una unos unas y o pero de del al a en con por para sin sobre que qué como cómo cuando donde
  es son está están estoy estamos ser hay fue era yo tú usted nosotros vosotros ellos mi mis tu tus su sus nuestro
  nuestra nuestros nuestras lo le les se me te nos muy más menos ya también todo todos toda todas este esta esto
  ese esa eso aquí hoy mañana
  der die das den dem des ein eine einen einem einer und oder aber mit von zu zum zur im in am an auf für aus bei
  nach über unter ist sind war waren bin bist sein hat haben habe wird werden ich du er sie es wir ihr mein meine
  dein deine unser unsere euer nicht kein keine auch noch schon sehr mehr nur so wie was wer wo wann heute morgen
  dass ob hier da
  le la les un une des du de d' à et ou mais avec pour par sur dans en au aux ce cet cette ces est sont était suis
  sommes être a ont ai je tu il elle on nous vous ils elles mon ma mes ton ta tes son sa ses notre nos votre vos
  ne pas plus très aussi déjà tout tous toute toutes que qui quoi comme quand où ici aujourd'hui demain
  o os as um uma uns umas e ou mas com por para sem sobre que como quando onde é são está estão estou estamos ser
  foi era eu você nós vocês eles elas meu minha meus minhas seu sua seus suas nosso nossa não mais muito também já
  todo todos toda todas este esta isto esse essa isso aqui hoje amanhã no na nos nas do da dos das ao
  cada otro otra otros otras mismo misma algo nada siempre nunca sólo aún todavía entre hasta desde si
  porque pues tanto mucho mucha muchos muchas poco bien él ella ellas ha han he hemos tiene tienen ni cual
  quien vez nuevo nueva
  jede jeder jedes jeden alle alles andere anderen etwas nichts immer nie wenn weil denn doch mal sich ihm
  ihn ihnen uns euch dich mich mir dir um durch gegen ohne bis seit vor kann können muss soll will gibt dieser
  diese dieses diesem diesen jetzt neu neue neuen ganz viel viele
  chaque autre autres même mêmes quelque quelques rien toujours jamais si parce donc lui leur leurs moi toi
  se y c'est n'est j'ai fait peut avoir ça cela entre sans sous vers chez depuis nouveau nouvelle nouvel
  bien peu beaucoup trop
  outro outra outros outras mesmo mesma algo nada sempre nunca só ainda até desde se porque pois tão tanto pouco
  bem ele ela tem têm tenho temos vai vou pra num numa coisa vez novo nova tá né
  em nem pelo pela pelos pelas lá aí cá neste nesta nisso disso deste desta daqui quem qual
  ins vom beim ans aufs eben halt
  dont encore là vraiment
  así ahí allí allá acá
  wäre wären wärst seid sei hätte hätten hatte hatten würde würden wurde wurden könnte könnten dürfen darf
  sería serían sido soy eres somos sois fueron había habría puede pueden podría
  serait seraient êtes es étaient avait aurait pourrait peuvent sera seront
  seria seriam sido sou somos foram tinha teria pode podem poderia será serão`,
);

/**
 * Words of greeting, mood and small talk: content words that still tell the reader nothing.
 * "Specific words" are the content words outside this list.
 */
export const PHATIC: ReadonlySet<string> = words(
  `good great nice lovely wonderful amazing awesome beautiful fantastic happy glad hope hoping wish wishing
  everyone everybody folks friends fam guys morning afternoon evening night week weekend days tomorrow
  monday tuesday wednesday thursday friday saturday sunday mondays fridays weekends hump
  coffee tea lunch weather sunny rainy sun rain vibes vibe mood feeling feel love loving fun ahead back soon
  big news stay tuned coming exciting excited thanks thank cheers hello agreed agree true post lol haha wow omg
  first same said cool yay fun stuff
  ha hah hahaha lmao jaja jajaja mdr kkk kkkk rsrs yep yup nope exactly indeed absolutely totally
  appreciate appreciated much tuesdays wednesdays thursdays saturdays sundays congrats congratulations
  feliz buen buena buenos buenas días día semana finde fin lunes viernes sábado domingo café calor frío lluvia sol
  gracias hola amigos banda listos genial felicidades enhorabuena felicitaciones
  schön schönen schöne guten gute tag woche wochenende montag freitag samstag sonntag kaffee wetter sonne regen
  danke hallo freunde leute toll super glückwunsch gratuliere herzlichen
  bonne bon bonjour bonsoir matin semaine lundi vendredi samedi dimanche café chaud froid pluie soleil merci salut
  amis félicitations bravo
  boa bom dia semana fim segunda sexta sábado domingo café calor frio chuva sol obrigado obrigada olá amigos pessoal parabéns
  grateful thankful blessed truly huge incredible
  agradecido agradecida agradecidos increíble dankbar besondere besonderen unglaublich
  reconnaissant reconnaissante incroyable grato grata gratidão incrível
  wünschen wünscht wünsche schönes allerseits erfolgreichen erfolgreiche immense belle beau fier fière fiers
  orgullo orgullosa orgulloso orgulho orgulhosa orgulhoso proud
  riesig riesige riesiges riesigen dankeschön großartig großartige großartiges großartigen
  enorme enormes énorme énormes
  toller tolles tolle tollen genial geniale genialer geniales klasse spitze wunderbar wunderbare herrlich genauso
  génial géniale géniaux magnifique magnifiques superbe superbes top exactement
  maravilloso maravillosa precioso preciosa buenísimo buenísima exacto totalmente
  maravilhoso maravilhosa lindo linda lindas lindos demais concordo exatamente totalmente`,
);

/**
 * Words that may stand before an imperative without taking its place at the head of the
 * clause when they open it themselves: "just reply", "go grab yours", "jetzt bestellen", "ya
 * disponible"; and the crowd an imperative is called to ("Everyone go follow her", "Leute, teilt
 * das", "todos compartan"). Pleas do more and are listed apart (PLEA_WORDS).
 */
export const LEAD_IN: ReadonlySet<string> = words(
  `just so then and or now simply also go come quickly finally everyone everybody folks
  jetzt einfach dann und gleich schnell hier leute
  por favor ya ahora y luego solo sólo todos todas gente
  vite alors et maintenant
  agora já e então só`,
);

/**
 * Pleas, with the short forms a phone gets too: the word after one is asked for wherever the plea
 * stands ("please book", "13 more til 1000 pls follow"; see features.ts).
 */
export const PLEA_WORDS: ReadonlySet<string> = words(`please pls plz plis bitte porfa porfis svp stp pfv`);

/**
 * A request put as a question or a condition ("could you share", "if you could boost", "would
 * you mind"): the verb after it is asked for as an imperative would be. Modal then "you", "you"
 * then modal, or one contracted word.
 */
export const REQUEST_MODALS: ReadonlySet<string> = new Set(['could', 'would', 'can', 'will', 'might']);
export const REQUEST_CONTRACTED: ReadonlySet<string> = new Set(["you'd", "you'll"]);
/** Verbs of wanting: "would you like to…", "would you love…" offer, they do not ask for a like. */
export const WANTING: ReadonlySet<string> = new Set(['like', 'love', 'prefer', 'want']);
/**
 * Words after which "you" is anyone, not the reader being sold to: a condition or a time ("if you
 * ride…", "before you head out"), a way ("how your bank…"), or a verb that takes it as its object
 * ("nobody warns you").
 */
export const GENERIC_YOU_BEFORE: ReadonlySet<string> = new Set([
  'if',
  'when',
  'whether',
  'how',
  'unless',
  'once',
  'before',
  'after',
  'until',
  'while',
  'warns',
  'tells',
]);

/**
 * Finite verbs that cannot follow an imperative: the word right before one is its subject. "Shop
 * reopens Jan 6", "Book is out", "Order will ship Monday", "Reserva es obligatoria" name a shop, a
 * book, an order and a booking; none asks the reader to do anything. Not "may" or "can", which
 * also name a month and a tin ("Shop May's picks").
 */
export const FINITE_VERBS: ReadonlySet<string> = words(
  `is are was were will would has have had isn't aren't wasn't weren't won't doesn't didn't hasn't
  haven't opens reopens closes starts ends runs begins returns meets remains stays arrives ships
  es son está están era fue será abre cierra empieza comienza termina vuelve llega
  é são estão foi fecha começa volta chega
  est sont était sera ouvre rouvre ferme commence revient
  ist sind war wird öffnet schließt beginnt startet`,
);

/**
 * Greetings, thanks, congratulations and forms of address, in the languages the default pack
 * reads: a capital right after one names the person a comment speaks to ("Thanks, Dana",
 * "Parabéns, Rafael"), not a detail it tells.
 */
export const ADDRESS_WORDS: ReadonlySet<string> = words(
  `hi hey hello thanks thank cheers congrats congratulations dear welcome
  hola gracias felicidades enhorabuena felicitaciones querido querida bienvenido bienvenida
  hallo danke glückwunsch liebe lieber willkommen
  merci bonjour salut bravo félicitations cher chère bienvenue
  oi olá obrigado obrigada parabéns bem-vindo bem-vinda`,
);

/**
 * The persons a draft speaks in, one line a language (English, Spanish, French, German,
 * Portuguese): who tells ("I", "we") and whom it addresses ("you"), so a Spanish or French reply
 * that speaks to its reader counts as an English one does. A word is listed only where no language
 * the pack reads spells it otherwise: not "mes" (Spanish "month"), "eu" ("EU"), "du" (French "of
 * the"), "os" (Portuguese "the") or "seu/sua" (also "his/her"). French elides "je" before a vowel
 * and the tokenizer keeps "j'ai" whole, so the commonest such forms are listed as words. German's
 * polite "Sie/Ihr" depends on a capital and is marked in features.ts.
 */
export const FIRST_SINGULAR_WORDS = words(`i i'm i've i'd i'll me my mine myself
  yo mi mis conmigo
  je j'ai j'étais j'avais j'aime j'adore j'espère moi mon ma
  ich mich mir mein meine meinen meinem meiner
  meu minha meus minhas comigo`);
export const FIRST_PLURAL_WORDS = words(`we we're we've we'd we'll us our ours ourselves
  nosotros nosotras nuestro nuestra nuestros nuestras nos
  nous notre
  wir uns unser unsere unseren unserem unserer
  nós nosso nossa nossos nossas`);
export const SECOND_PERSON_WORDS = words(`you you're you've you'd you'll your yours yourself y'all
  tu te ti tus contigo usted ustedes vosotros vuestro vuestra
  toi ton ta tes vous votre
  dich dir dein deine deinen deinem deiner euch euer eure
  você vocês teu tua teus tuas`);
