/**
 * The words trade-signal channels write, per language, gathered from how channels post
 * (Cornix-style "Entry Zone / Take-Profit Targets / Stop Targets", "TP1 / SL", hashtags and
 * emojis) in English, Russian, Chinese, Spanish, Portuguese, Turkish, Vietnamese, Arabic,
 * Persian and Indonesian. Written in lower case and their usual spelling; lib/signal/phrases
 * folds case, Arabic letter variants and spaces or hyphens between words, so `Stop-Loss`,
 * `STOPLOSS` and `stop loss` are one entry. A word written in capitals here (`AL`) is
 * matched only in capitals: in lower case it is a common word of another language.
 */

export const LANGUAGES = ['en', 'ru', 'zh', 'es', 'pt', 'tr', 'vi', 'ar', 'fa', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages whose writers put a "." before decimals; the others often write a ",". */
export const DOT_DECIMAL_LANGUAGES: ReadonlySet<Language> = new Set(['en', 'zh', 'ar', 'fa']);

/** Per language, the entries separated by `|`. */
export type Words = Readonly<Partial<Record<Language, string>>>;

/** Labels whose following numbers are the entry. */
export const ENTRY_LABELS: Words = {
  en: 'entry|entries|entry zone|entry price|entry point|entry points|entry area|entry range|entry targets|entry orders|entry order|entry limit|enter|enter at|entry now|dca|accumulation zone|accumulate|@',
  ru: 'вход|входы|входа|точка входа|точки входа|зона входа|цена входа|вход в позицию|вход в сделку|набор позиции|усреднение',
  zh: '入场|入场价|入场区间|入场位|入场点|进场|进场价|进场位|开仓|开仓价|建仓|挂单|买入价|买入区间',
  es: 'entrada|entradas|zona de entrada|precio de entrada|punto de entrada|rango de entrada',
  pt: 'entrada|entradas|zona de entrada|preço de entrada|ponto de entrada|região de entrada',
  tr: 'giriş|giriş bölgesi|giriş fiyatı|giriş aralığı|giriş noktası|alım bölgesi|alış bölgesi|alım|alış',
  vi: 'điểm vào|điểm vào lệnh|vào lệnh|giá vào|giá vào lệnh|vùng vào|vùng vào lệnh|vùng mua|nhập|mức nhập',
  ar: 'دخول|الدخول|نقطة الدخول|نقاط الدخول|منطقة الدخول|مناطق الدخول|سعر الدخول',
  fa: 'ورود|نقطه ورود|نقاط ورود|محدوده ورود|ناحیه ورود|قیمت ورود',
  id: 'masuk|harga masuk|area masuk|titik masuk|area beli|zona beli',
};

/** Labels whose following numbers are the targets (take-profits). */
export const TARGET_LABELS: Words = {
  en: 'target|targets|tp|tps|take profit|take profits|take profit targets|profit targets|profit target|sell targets|tgt|tgts|exit targets|exits|bonus target|🎯',
  ru: 'цель|цели|целей|тейк|тейки|тейк профит|тп|профит|фиксация|фиксация прибыли',
  zh: '目标|目标位|目标价|止盈|止盈位|止盈价|止盈目标|获利目标',
  es: 'objetivo|objetivos|toma de ganancias|tomar ganancias|meta|metas',
  pt: 'alvo|alvos|objetivo|objetivos|realizar lucro|realização de lucro|metas',
  tr: 'hedef|hedefler|hedefi|kar al|kâr al|kar hedefi|kâr hedefi|kar hedefleri|kâr hedefleri',
  vi: 'mục tiêu|mục tiêu lợi nhuận|chốt lời|chốt lãi|điểm chốt lời',
  ar: 'هدف|الهدف|اهداف|الاهداف|جني الارباح|جني الربح|تارجت',
  fa: 'هدف|اهداف|تارگت|تارگت ها|حد سود',
  id: 'ambil untung|ambil profit|target profit',
};

/** Entry labels that count only as a line's first word (`Now : 0.0555$`): elsewhere they are ordinary words. */
export const LINE_START_ENTRY_LABELS: Words = { en: 'now|cmp' };

/** Target labels that count only as a line's first word: elsewhere they are ordinary words. */
export const LINE_START_TARGET_LABELS: Words = { en: 'close|exit' };

/** Labels whose following numbers are the stop. */
export const STOP_LABELS: Words = {
  en: 'sl|s/l|s.l|s.l.|stop|stops|stop loss|stoploss|stop targets|stop target|stop price|stol loss|stop lose|invalidation|🛑|⛔',
  ru: 'стоп|стоп лосс|стоплосс|стоп лос|сл',
  zh: '止损|止损位|止损价|止损点|防守|防守位',
  es: 'detener pérdidas|límite de pérdida|parada|stop de pérdida',
  pt: 'parar perda|stop de perda|limite de perda',
  tr: 'zarar durdur|zararı durdur|zarar kes',
  vi: 'cắt lỗ|dừng lỗ|dừng thua lỗ|điểm cắt lỗ',
  ar: 'وقف الخسارة|وقف خسارة|ايقاف الخسارة|ستوب|الستوب|وقف',
  fa: 'حد ضرر|حدضرر|استاپ|استاپ لاس|توقف ضرر',
  id: 'batas rugi|cut loss',
};

/** Labels whose following plain numbers are the leverage (`Leverage: 20`). */
export const LEVERAGE_LABELS: Words = {
  en: 'leverage|lev|lvg|levrage|leverage x',
  ru: 'плечо|кредитное плечо|плечи',
  zh: '杠杆|倍数|杠杆倍数',
  es: 'apalancamiento',
  pt: 'alavancagem',
  tr: 'kaldıraç',
  vi: 'đòn bẩy',
  ar: 'الرافعة|رافعة|الرافعة المالية',
  fa: 'اهرم',
  id: 'daya ungkit',
};

/**
 * Buy and sell: a direction when written alone, and a price label when a line starts with
 * them (`BUY : 0.34 - 0.36`, `Sell zone: 353-357`) — the entry when the signal labels no
 * other, its targets after an entry (`Buy 57 to 58 / Sell 63`).
 */
export const BUY_WORDS: Words = {
  en: 'buy|buy zone|buy area|buy range|buy setup|buy price|buy limit|buy order|buy between|buy around',
  ru: 'купить|покупка|покупаем|покупать',
  zh: '买入|买',
  es: 'compra|comprar|compre|zona de compra',
  pt: 'compra|comprar|compre|zona de compra',
  tr: 'AL|ALIŞ|ALIM',
  vi: 'mua',
  ar: 'شراء',
  fa: 'خرید',
  id: 'beli',
};
export const SELL_WORDS: Words = {
  en: 'sell|sell zone|sell area|sell range|sell setup|sell price|sell limit|sell order',
  ru: 'продать|продажа|продаём|продаем',
  zh: '卖出|卖',
  es: 'venta|vender',
  pt: 'venda|vender',
  tr: 'SAT|SATIŞ',
  vi: 'bán',
  ar: 'بيع',
  fa: 'فروش',
  id: 'jual',
};

/** The direction of the trade, written out. */
export const LONG_WORDS: Words = {
  en: 'long|longs|longing|long position',
  ru: 'лонг|лонга|лонгуем',
  zh: '做多|多单|开多|看多|多头',
  es: 'largo|posición larga',
  pt: 'posição longa|comprado',
  tr: 'uzun pozisyon',
  ar: 'لونج|لونغ',
  fa: 'لانگ',
};
export const SHORT_WORDS: Words = {
  en: 'short|shorts|shorting|short position',
  ru: 'шорт|шорта|шортим',
  zh: '做空|空单|开空|看空|空头',
  es: 'corto|posición corta',
  pt: 'posição curta|vendido',
  tr: 'kısa pozisyon',
  ar: 'شورت',
  fa: 'شورت',
};

/** "long" and "short" that say how long, not which way (`short-term`, `long squeeze`). */
export const NOT_A_DIRECTION = /^[\s-]*(?:term|run|squeeze|wick|liquidations?)\b/u;

/** Labels before the coin's name (`Pair: XRP`, `Coin: $BTC`). */
export const PAIR_LABELS: Words = {
  en: 'pair|coin|symbol|asset|token|ticker|instrument',
  ru: 'пара|монета|тикер',
  zh: '币种|交易对|币对',
  es: 'par|moneda',
  pt: 'par|moeda',
  tr: 'parite',
  vi: 'cặp|cặp giao dịch|đồng coin',
  ar: 'العملة|عملة|الزوج|زوج',
  fa: 'ارز|جفت ارز',
  id: 'pasangan|koin',
};

/** An entry "at the market": no price written, the last price is meant. */
export const MARKET_WORDS: Words = {
  en: 'market|market price|at market|cmp|now|current price|spot price',
  ru: 'по рынку|рынок|текущая цена|сейчас',
  zh: '市价|现价|当前价',
  es: 'mercado|precio de mercado|precio actual|ahora',
  pt: 'mercado|preço de mercado|preço atual|agora',
  tr: 'piyasa|piyasa fiyatı|güncel fiyat|şimdi',
  vi: 'giá thị trường|thị trường|giá hiện tại',
  ar: 'سعر السوق|السوق|السعر الحالی',
  fa: 'قیمت بازار|قیمت فعلی',
  id: 'harga pasar|harga sekarang|sekarang',
};

/** An instruction for later (`move SL to entry after TP1`): its prices are no part of the setup. */
export const MANAGEMENT_WORDS: Words = {
  en: 'move|moving|moved|shift|trail|trailing|adjust|raise|breakeven|break even',
  ru: 'перенести|переносим|переставить|передвинуть|подтянуть|безубыток',
  zh: '移动|上移|下移|保本|推保护',
  es: 'mover|mueva|movemos|punto de equilibrio',
  pt: 'mover|mova|movemos|ponto de equilíbrio',
  tr: 'taşı|taşıyın|çekin|başabaş',
  vi: 'dời|di chuyển|hòa vốn',
  ar: 'نقل|حرک|نقطة التعادل',
  fa: 'جابجا|انتقال|سربه سر',
  id: 'pindahkan|geser|naikkan|impas',
};

/** Breakout (`Long above 4.0009`) or pullback (`LONG Below : 1.038`) entries. */
export const ABOVE_WORDS: Words = {
  en: 'above|over|break above|breakout above',
  ru: 'выше',
  zh: '突破|上方|以上',
  es: 'encima de|por encima de|arriba de',
  pt: 'acima de',
  tr: 'üstü|üzeri',
  vi: 'trên',
  ar: 'فوق',
  fa: 'بالای',
  id: 'di atas',
};
export const BELOW_WORDS: Words = {
  en: 'below|under',
  ru: 'ниже',
  zh: '下方|以下',
  es: 'debajo de|por debajo de',
  pt: 'abaixo de',
  tr: 'altı|altında',
  vi: 'dưới',
  ar: 'تحت',
  fa: 'پایین',
  id: 'di bawah',
};

/** Words after a number that make it a duration or a count (`in 4 hours`, `2 days`), no price. */
export const COUNT_UNITS: Words = {
  en: 'hour|hours|hr|hrs|day|days|min|mins|minute|minutes|week|weeks|candle|candles|targets|tps',
  ru: 'час|часа|часов|день|дня|дней|минут',
  zh: '小时|天|分钟',
  es: 'horas|días|minutos',
  pt: 'horas|dias|minutos',
  tr: 'saat|gün|dakika',
  vi: 'giờ|ngày|phút',
  ar: 'ساعة|ساعات|يوم|ایام',
  fa: 'ساعت|روز|دقیقه',
  id: 'jam|hari|menit',
};

/**
 * Words that may stand between a signal's prices without ending the list (`8.8 USDT to
 * 9.5 USDT`, `0.313 or 0.33`, `2600 ✅ - 2560`): currencies, connectors, margin modes.
 */
export const CONNECTOR_WORDS: Words = {
  en: 'usdt|usd|usdc|busd|fdusd|tusd|dollar|dollars|to|and|or|x|zone|area|between|around|at|from|cross|isolated|filled|null|each|both|cmp|now|market|limit|only|up',
  ru: 'до|и|или|от|кросс|изолированная',
  zh: '至|到|或|和|附近|左右|区间|点|美元|全仓|逐仓',
  es: 'a|y|o|hasta|entre|cruzado|aislado',
  pt: 'a|e|ou|até|entre|cruzada|isolada',
  tr: 've|veya|ile|arası|çapraz|izole',
  vi: 'đến|và|hoặc|từ',
  ar: 'و|او|الی|الى|من',
  fa: 'و|یا|تا|از',
  id: 'sampai|hingga|dan|atau|ke',
};

/** Exchanges, by the venue family Tranche reads (others listed so that a named one counts). */
export const EXCHANGE_WORDS: Readonly<Record<string, string>> = {
  binance: 'binance|binancefutures|бинанс|币安',
  bybit: 'bybit|байбит',
  okx: 'okx|okex',
  coinbase: 'coinbase',
  kraken: 'kraken',
  other:
    'bitget|mexc|kucoin|bingx|gate.io|gateio|htx|huobi|bitmex|bitseven|bitfinex|phemex|deribit|bitunix|lbank|weex|blofin|hyperliquid',
};

/** Perpetual futures, as opposed to spot. */
export const FUTURES_WORDS: Words = {
  en: 'futures|future|perp|perps|perpetual|perpetuals|swap|usdt-m|usdⓢ-m|usds-m|binancefutures',
  ru: 'фьючерс|фьючерсы|фьючи|фьючерсах',
  zh: '合约|永续|永续合约',
  es: 'futuros',
  pt: 'futuros',
  tr: 'vadeli',
  vi: 'hợp đồng|hợp đồng tương lai',
  ar: 'العقود|عقود|العقود الاجلة',
  fa: 'فیوچرز|فیوچر|آتی',
  id: 'berjangka',
};
export const SPOT_WORDS: Words = {
  en: 'spot',
  ru: 'спот',
  zh: '现货',
  es: 'contado',
  tr: 'spot',
  vi: 'giao ngay',
  ar: 'فوری|سبوت',
  fa: 'اسپات',
};

/** Hashtags and cashtags that name no coin. */
export const NOT_COINS: ReadonlySet<string> = new Set(
  'long|short|buy|sell|spot|futures|future|perp|perpetual|signal|signals|crypto|cryptocurrency|bitcoin|altcoin|altcoins|scalp|swing|trade|trading|call|vip|free|premium|update|alert|news|analysis|setup|leverage|cross|isolated|entry|target|targets|tp|sl|stop|stoploss|risk|usdt|usd|usdc|busd|binance|binancefutures|bybit|okx|okex|kraken|coinbase|bitget|mexc|kucoin|bingx|exchange|pair|coin|daytrade|breakout|pump|dump|gem|done|profit|closed|cornix|bullish|bearish'.split(
    '|',
  ),
);

/** The tables whose words are never a coin's name. */
export const VOCABULARIES: readonly Words[] = [
  ENTRY_LABELS,
  TARGET_LABELS,
  LINE_START_ENTRY_LABELS,
  LINE_START_TARGET_LABELS,
  STOP_LABELS,
  LEVERAGE_LABELS,
  BUY_WORDS,
  SELL_WORDS,
  LONG_WORDS,
  SHORT_WORDS,
  PAIR_LABELS,
  MARKET_WORDS,
  MANAGEMENT_WORDS,
  CONNECTOR_WORDS,
  FUTURES_WORDS,
  SPOT_WORDS,
  COUNT_UNITS,
];
