import { buildTokenLexicon, TokenLexicon } from '../sentiment-lexicon';

/** Spanish and Portuguese. Keys are written with accents and folded at load, so "pesimo" matches. */
export const ES_LEXICON: TokenLexicon = buildTokenLexicon({
  words: {
    malo: -2, mala: -2, malos: -2, malas: -2, mal: -2, pésimo: -3, pésima: -3, horrible: -3, terrible: -3,
    fatal: -3, desastre: -3, vergüenza: -3, asco: -3, asqueroso: -3, harto: -2, harta: -2, hartos: -2,
    enfadado: -2, enfadada: -2, molesto: -2, molesta: -2, decepcionado: -2, decepcionada: -2, decepción: -2,
    queja: -1, roto: -2, rota: -2, rotos: -2, estropeado: -2, retraso: -2, retrasado: -2, cancelado: -2,
    cancelada: -2, perdido: -1, perdida: -1, estafa: -3, robo: -3, ladrones: -3, inútil: -3, lento: -1,
    lenta: -1, fallo: -2, falla: -2, error: -1, problema: -1, problemas: -1, peor: -3, lamentable: -3,
    indignante: -3, inaceptable: -3, vergonzoso: -3, abusivo: -2, timo: -3, basura: -3, mierda: -4,
    nadie: -1, cobrado: -1, averiado: -2, defectuoso: -2, caído: -1, furioso: -3, triste: -2,
    bueno: 2, buena: 2, buenos: 2, buenas: 1, bien: 2, genial: 3, excelente: 3, perfecto: 3, perfecta: 3,
    gracias: 2, encanta: 3, encantado: 3, encantada: 3, increíble: 3, maravilloso: 3, fantástico: 3,
    rápido: 1, rápida: 1, rapidísimo: 2, amable: 2, amables: 2, feliz: 3, contento: 2, contenta: 2,
    satisfecho: 2, satisfecha: 2, mejor: 2, fácil: 1, útil: 2, recomiendo: 2, top: 2, crack: 2,
    solucionado: 2, resuelto: 2, agradecido: 2, agradecida: 2, gratis: 1, estupendo: 3, eficaz: 2, gana: 2, ganar: 2, sorteo: 1, premio: 2,
  },
  phrases: {
    'no funciona': -3, 'no va': -2, 'no sirve': -3, 'sin línea': -2, 'sin internet': -2, 'sin servicio': -2,
    'sin respuesta': -2, 'sigue sin': -2, 'todavía no': -1, 'dos veces': -1, 'muchas gracias': 3,
    'por fin': 1, 'me encanta': 3,
  },
  negators: ['no', 'nunca', 'jamás', 'ni', 'sin', 'tampoco', 'nada', 'ningún', 'ninguna', 'ninguno'],
  intensifiers: {
    muy: 1.3, super: 1.3, súper: 1.3, tan: 1.2, demasiado: 1.2, totalmente: 1.3, bastante: 1.1,
    realmente: 1.3, poco: 0.6, algo: 0.8,
  },
  contrast: ['pero', 'aunque', 'sino'],
});

export const PT_LEXICON: TokenLexicon = buildTokenLexicon({
  words: {
    ruim: -2, péssimo: -3, péssima: -3, horrível: -3, terrível: -3, absurdo: -3, vergonha: -3, raiva: -3,
    lixo: -3, decepcionado: -2, decepcionada: -2, decepção: -2, atrasado: -2, atrasada: -2, atraso: -2,
    quebrado: -2, quebrada: -2, quebrou: -2, cancelado: -2, cancelada: -2, fria: -1, frio: -1,
    faltando: -1, problema: -1, defeito: -2, lento: -1, lenta: -1, caiu: -1, cobraram: -1, golpe: -3,
    roubo: -3, descaso: -3, desrespeito: -3, palhaçada: -3, ninguém: -1, pior: -3, chateado: -2,
    chateada: -2, irritado: -2, irritada: -2, inaceitável: -3, cadê: -1, parada: -1, sumiu: -2, errado: -2,
    errada: -2, triste: -2, mal: -2, horrorosa: -3, horroroso: -3,
    bom: 2, boa: 2, ótimo: 3, ótima: 3, excelente: 3, maravilhoso: 3, maravilhosa: 3, obrigado: 2,
    obrigada: 2, valeu: 2, parabéns: 3, adorei: 3, amei: 3, amo: 3, perfeito: 3, perfeita: 3, rápido: 1,
    rápida: 1, rapidinho: 2, incrível: 3, top: 2, show: 2, satisfeito: 2, satisfeita: 2, feliz: 3,
    legal: 2, gostei: 2, recomendo: 2, resolveram: 2, resolvido: 2, eficiente: 2, educado: 2,
    atencioso: 2, atenciosa: 2, grátis: 1, melhor: 2, sensacional: 3, fácil: 1, ganhe: 2, ganhar: 2, sorteio: 1,
    prêmio: 2,
  },
  phrases: {
    'não funciona': -3, 'não recebi': -2, 'não chegou': -2, 'sem sinal': -2, 'sem internet': -2,
    'sem resposta': -2, 'nota 10': 3, 'nota mil': 3, 'que raiva': -3, 'que vergonha': -3, 'de novo': -1,
    'são demais': 3, 'é demais': 2, 'não caiu': -2,
  },
  negators: ['não', 'nunca', 'jamais', 'nem', 'sem', 'nenhum', 'nenhuma', 'nada'],
  intensifiers: {
    muito: 1.3, muita: 1.3, super: 1.3, tão: 1.2, bem: 1.2, demais: 1.3, bastante: 1.1, extremamente: 1.5,
    totalmente: 1.3, pouco: 0.6,
  },
  contrast: ['mas', 'porém', 'entretanto', 'contudo'],
});
