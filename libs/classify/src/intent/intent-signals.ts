/**
 * Intent cues per language, written against folded text (lower case, Latin accents stripped,
 * Arabic alef/yeh unified, URLs and @handles removed). Each list is one precompiled alternation.
 */

export interface Signal {
  readonly re: RegExp;
  readonly weight: number;
}

export const URL_RE = /https?:\/\/|www\.|\bbit\.ly\b|\bt\.me\b|\bwa\.me\b/i;

export const SPAM_SIGNALS: readonly Signal[] = [
  {
    re: /\b(?:free|gratis|gratuit|gratuito|gratuita|kostenlos|grat[ií]s)\b|無料|免费|무료|مجان|मुफ्त/,
    weight: 1,
  },
  {
    re: /\b(?:giveaway|sorteo|sorteio|concours|concurso|gewinnspiel|gewinnen|gagnez|gagner|ganhe|gana|ganar|prize|premio|jackpot|win)\b|プレゼント|抽奖|红包|당첨|이벤트|جوائز|جايزه|اربح/,
    weight: 1,
  },
  {
    re: /\b(?:earn|crypto|bitcoin|btc|forex|criptomonedas?|cripto|krypto|dinero facil|dinheiro facil|reich werden|riche|guaranteed|garantizad[oa]|garantid[oa]|10x|passive income|make \$?\d+)\b|稼げ|副業|日赚|兼职|수익|코인|투자|تداول|ربح مضمون/,
    weight: 2,
  },
  {
    re: /\b(?:click|clique|clic|cliquez|klicken|klick)\b|クリック|点击|클릭|اضغط|क्लिक|\blink (?:in|na) (?:bio|my bio)\b/,
    weight: 1.5,
  },
  {
    re: /\b(?:follow|siga|sigue|suivez|folge|followers|seguidores|abonnes|rt)\b|フォロー|关注|팔로우|متابعين/,
    weight: 1,
  },
  {
    re: /\b(?:dm me|dm for|message me|whatsapp|telegram|schreib mir|en dm)\b|dmください|dm ください|加微信|私聊|dm 주세요|راسلني/,
    weight: 1,
  },
  {
    re: /\b(?:promo|promocion|promocao|promotion|discount|coupon|cupon|gutschein|exclusiv[eoa]?|imperdivel|limited time|sirf aaj)\b|限定|优惠|쿠폰|선착순|لفتره محدوده|لفترة محدودة/,
    weight: 1,
  },
];

export const PURCHASE_SIGNALS: readonly Signal[] = [
  {
    re: /\bwhere (?:can|do|could|would) (?:i|we) (?:buy|get|find|purchase|order)\b|\bwhere to buy\b|\b(?:want|wanna|going|planning|looking|like) to (?:buy|order|purchase|get one)\b|\bhow (?:can|do) i (?:buy|order|purchase)\b|\bin stock\b|\bpre-?order\b|\bhow much (?:is|does|are|for)\b|\bupgrad(?:e|ing)\b|\bsubscribe\b/,
    weight: 2,
  },
  {
    re: /\bdonde (?:puedo )?comprar\b|\bquiero (?:comprar|pedir)\b|\blo quiero\b|\bprecio\b|\bcuanto (?:cuesta|vale)\b|\bonde (?:posso )?comprar\b|\bquero comprar\b|\bquanto custa\b|\bestoque\b|\bainda tem\b|\bdisponivel\b|\bou acheter\b|\bl'acheter\b|\bacheter\b|\bcombien (?:coute|ca coute)\b|\ben stock\b|\bsouscrire\b|\bkaufen\b|\bwas kostet\b|\bvorratig\b|\bwechseln\b|\bbestellen\b/,
    weight: 2,
  },
  {
    re: /どこで買え|買いたい|購入|いくら|在庫|予約したい|哪里(?:可以)?买|在哪(?:里)?买|多少钱|想买|有货|购买|价格|어디서 (?:살|사|구매)|구매|가격|얼마|사고 싶|재고|주문하고 싶|اشتري|شراء|سعر|متوفر|\bkahan (?:milega|milegi|milenge)\b|\bmilega\b|\bmilegi\b|\bkitne (?:ka|ki|ke)\b|\bkharid\w*|\blena hai\b|\blene hain?\b|\bstock mein\b|खरीद|कीमत|स्टॉक/,
    weight: 2,
  },
  {
    re: /\b(?:buy|price|prices|stock|available|availability|tienda|tiendas|loja|magasin|geschaft)\b/,
    weight: 1,
  },
];

export const COMPLAINT_SIGNALS: readonly Signal[] = [
  {
    re: /\b(?:refund|broken|broke|damaged|delayed|delay|cancell?ed|charged (?:me )?twice|double charged|not working|doesn't work|stopped working|won't (?:turn|work|load)|still (?:waiting|nothing|no)|never (?:arrived|received|came)|hasn't (?:arrived|shipped|come)|haven't received|missing|lost|crash\w*|outage|on hold|no one|nobody|scam|overcharged|wrong (?:item|order|size|charge)|locked|cracked|faulty|defective|complaint|fix this|money back|without permission)\b/,
    weight: 1.5,
  },
  {
    re: /\bno funciona\b|\bno va\b|\brot[oa]s?\b|\bretraso\b|\bcancelad[oa]\b|\bcobrado\b|\breembolso\b|\bsigue sin\b|\btodavia no\b|\bnadie\b|\bsin (?:linea|internet|servicio|respuesta)\b|\bqueja\b|\bdevolver el dinero\b|\bnao funciona\b|\batrasad[oa]\b|\batraso\b|\bquebr\w+|\bcobraram\b|\bninguem\b|\bcade\b|\bsem (?:sinal|internet|resposta)\b|\bnao (?:recebi|chegou|caiu)\b|\bdefeito\b|\bfaltando\b|\bparad[ao]\b|\bcaiu\b/,
    weight: 1.5,
  },
  {
    re: /\bne (?:marche|fonctionne) pas\b|\bmarche pas\b|\bannulee?\b|\bsupprime\b|\bremboursement\b|\bjamais recu\b|\bretard\b|\btoujours pas\b|\bpanne\b|\binjoignable\b|\bplus d'internet\b|\bcassee?\b|\bperdu\b|\berronee?\b|\bpas recu\b|\bfunktioniert nicht\b|\bgeht nicht\b|\bkaputt\b|\bbeschadigt\b|\bverspatung\b|\bausgefallen\b|\bfallt .{0,20}aus\b|\bgestrichen\b|\bfehlt\b|\bkein (?:internet|netz)\b|\bkeine hilfe\b|\berstattung\b|\bentschadigung\b|\babgebucht\b|\bstorniert\b/,
    weight: 1.5,
  },
  {
    re: /届かない|届きません|届いていない|まだ届|壊れ|返金|遅すぎ|障害|つながらない|繋がらない|入らない|欠航|間違|使えない|まだです|还没|没到|没收到|坏|退款|延误|死机|扣错|断线|投诉|不能用|안 와|안 왔|안 돼|안돼|환불|파손|지연|깨졌|끊겨|끊기|청구|고장|식어|لم يصل|لا تعمل|لا يعمل|مكسور|تاخر|تاخير|استرجاع|خصموا|مقطوع|انقطاع|ما احد يرد|لم يتم/,
    weight: 1.5,
  },
  {
    re: /\bnahi (?:aaya|aayi|chal|hua|mila|diya|ho raha)\b|\bkat gaye\b|\bgalat\b|\bcancel\b|\bkahan hai\b|नहीं आया|बंद|लेट|गलत|टूटा|वापस करो|कट रही/,
    weight: 1.5,
  },
];

export const PRAISE_SIGNALS: readonly Signal[] = [
  {
    re: /\b(?:thank|thanks|thx|ty|gracias|obrigad[oa]|valeu|merci|danke|dank|shukriya|dhanyavaad|kudos|shoutout|bravo|parabens|well done|great job|love|loved|adorei|amei|encanta)\b|ありがとう|感謝|谢谢|感谢|감사|고마|شكرا|مشكور|احسنتم|धन्यवाद|शुक्रिया/,
    weight: 1.5,
  },
];

export const QUESTION_SIGNALS: readonly Signal[] = [
  { re: /[?？؟]/, weight: 1.5 },
  {
    re: /(?:^|[.!]\s*)\s*(?:how|what|when|where|why|which|who|can (?:i|you|we)|could you|is there|are there|does|do you|will|is it|como|cuando|donde|cual|cuanto|puedo|quando|onde|qual|quanto|posso|comment|quand|pourquoi|quel|quelle|est-ce que|puis-je|wie|wann|warum|welche|kann ich|gibt es|gilt)\b/,
    weight: 1,
  },
  // Sentence-final question particles are as good as a question mark.
  { re: /ですか|ますか|でしょうか|吗|请问|나요|까요|인가요|هل/, weight: 1.5 },
  {
    re: /どう|いつ|どこ|怎么|什么|多少|哪|是否|어떻게|언제|어디|뭐|있나요|كيف|متى|اين|ما هي|لماذا|\b(?:kya|kab|kaise|kyun|kahan|kitna|kitni)\b|क्या|कब|कैसे|कितनी|कहाँ|क्यों/,
    weight: 1,
  },
];

export function signalScore(signals: readonly Signal[], text: string, cap = Infinity): number {
  let score = 0;
  for (const signal of signals) if (signal.re.test(text)) score += signal.weight;
  return Math.min(score, cap);
}
