import { buildTokenLexicon, TokenLexicon } from '../sentiment-lexicon';

/** French and German. Keys are folded at load (accents, ß). */
export const FR_LEXICON: TokenLexicon = buildTokenLexicon({
  words: {
    nul: -3, nulle: -3, honteux: -3, honteuse: -3, scandaleux: -3, inadmissible: -3, inacceptable: -3,
    déçu: -2, déçue: -2, déception: -2, mauvais: -2, mauvaise: -2, horrible: -3, catastrophe: -3,
    catastrophique: -3, lamentable: -3, pire: -3, annulé: -2, annulée: -2, supprimé: -2, retard: -2,
    retards: -2, perdu: -2, perdue: -2, cassé: -2, cassée: -2, panne: -2, problème: -1, bug: -1, lent: -1,
    lente: -1, injoignable: -2, arnaque: -3, escroquerie: -3, marre: -2, énervé: -2, furieux: -3,
    erronée: -2, erroné: -2, incompétent: -3, galère: -2, honte: -3, insupportable: -3, mal: -2,
    merci: 2, bravo: 3, super: 2, génial: 3, excellent: 3, parfait: 3, parfaite: 3, top: 2, adore: 3,
    ravi: 3, ravie: 3, content: 2, contente: 2, satisfait: 2, satisfaite: 2, rapide: 1, rapidité: 1,
    gentil: 2, gentille: 2, adorable: 3, agréable: 2, efficace: 2, formidable: 3, bien: 1.5, bon: 2,
    bonne: 2, impeccable: 3, magnifique: 3, heureux: 3, heureuse: 3, chouette: 2, gratuit: 1, gagnez: 2, gagner: 2,
  },
  phrases: {
    'ne marche pas': -3, 'ne fonctionne pas': -3, 'marche pas': -3, 'fonctionne pas': -3, 'pas mal': 1.5,
    'toujours pas': -1, 'jamais reçu': -3, "plus d'internet": -2, 'plus de réseau': -2, 'en retard': -2,
    'de trop': -1, 'merci beaucoup': 3, 'pas reçu': -2,
  },
  negators: ['ne', 'pas', 'jamais', 'rien', 'aucun', 'aucune', 'sans', 'ni', 'personne'],
  intensifiers: {
    très: 1.3, trop: 1.2, vraiment: 1.3, super: 1.3, tellement: 1.3, hyper: 1.3, extrêmement: 1.5,
    totalement: 1.3, complètement: 1.3, peu: 0.6, assez: 1.1,
  },
  contrast: ['mais', 'cependant', 'pourtant'],
  elidedNegation: true,
});

export const DE_LEXICON: TokenLexicon = buildTokenLexicon({
  words: {
    schlecht: -2, schlechte: -2, schlechter: -2, schlechten: -2, schlimm: -2, katastrophe: -3,
    katastrophal: -3, frechheit: -3, unverschämt: -3, unverschämtheit: -3, unmöglich: -3, ärgerlich: -2,
    verärgert: -2, enttäuscht: -2, enttäuschend: -2, enttäuschung: -2, kaputt: -2, beschädigt: -2,
    defekt: -2, verspätung: -2, verspätet: -2, ausgefallen: -2, ausfall: -2, gestrichen: -2, storniert: -1,
    fehlt: -1, weg: -1, mies: -3, mist: -3, scheiße: -4, schrecklich: -3, furchtbar: -3, nervig: -2,
    sauer: -2, betrug: -3, abzocke: -3, langsam: -1, problem: -1, probleme: -1, fehler: -1, falsch: -1,
    niemand: -1, unfreundlich: -2, traurig: -2,
    gut: 2, gute: 2, guten: 2, guter: 2, gutes: 2, super: 2, toll: 3, tolle: 3, toller: 3, tolles: 3,
    klasse: 3, prima: 3, danke: 2, dank: 2, perfekt: 3, zufrieden: 2, schnell: 1, schnelle: 1,
    freundlich: 2, freundliche: 2, hilfreich: 2, großartig: 3, hervorragend: 3, spitze: 3, top: 2,
    bequem: 2, pünktlich: 2, gelöst: 2, lieb: 2, genial: 3, ausgezeichnet: 3, okay: 1, ok: 1,
    empfehlen: 2, begeistert: 3, glücklich: 3, gratis: 1, kostenlos: 1, gewinnen: 2,
  },
  phrases: {
    'funktioniert nicht': -3, 'geht nicht': -2, 'kein internet': -2, 'kein netz': -2, 'keine hilfe': -2,
    'zu spät': -2, 'fällt aus': -2, 'vielen dank': 3, 'schon wieder': -1, 'hilft nicht': -2,
  },
  negators: ['nicht', 'kein', 'keine', 'keinen', 'keiner', 'keinem', 'nie', 'niemals', 'ohne', 'weder', 'nichts'],
  intensifiers: {
    sehr: 1.3, echt: 1.2, wirklich: 1.3, total: 1.3, super: 1.3, extrem: 1.5, so: 1.2, ziemlich: 1.1,
    voll: 1.2, richtig: 1.2, besonders: 1.3, einfach: 1.1, etwas: 0.7, bisschen: 0.7,
  },
  contrast: ['aber', 'jedoch', 'trotzdem', 'allerdings'],
});
