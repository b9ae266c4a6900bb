/**
 * The page's own words in English and Persian, and numbers, dates and durations written the way
 * each language writes them (Persian digits for fa). The UI language is the reader's choice and
 * is remembered; an article always follows its own language, whatever the UI language is.
 */

const LABELS = {
  en: {
    appTitle: 'AI content generator',
    uiLanguage: 'Interface language',
    signOut: 'Sign out',
    signedInAs: '{name} ({roles})',
    signInWithProvider: 'Sign in with your organisation account',
    orAdminToken: 'Or use the admin token:',
    noAccessTitle: 'No access',
    noAccess: 'You are signed in, but this panel needs one of the roles viewer, editor or admin. Ask an administrator to give you one. ({detail})',
    mine: 'Only mine',
    colStartedBy: 'Started by',
    startedBy: 'by {name}',
    viewerOnly: 'You may watch generations; starting one needs the role editor.',
    signInTitle: 'Sign in',
    signInIntro: 'Enter the admin token. It is kept for this tab only.',
    token: 'Admin token',
    signIn: 'Sign in',
    signingIn: 'Checking…',
    tokenRequired: 'Enter the admin token.',
    tokenRefused: 'The server refused this token. Check it and try again.',
    serverUnreachable: 'The server cannot be reached right now. Check the connection and try again.',
    serverBroken: 'The server answered with an error ({status}). Try again in a moment.',
    sessionExpired: 'The server no longer accepts the token of this tab. Sign in again.',
    startTitle: 'New article',
    title: 'Title',
    titleHint: 'Up to {max} characters.',
    language: 'Article language',
    sections: 'Sections',
    images: 'Images',
    rangeHint: '{min} to {max}',
    start: 'Start generation',
    starting: 'Starting…',
    fixFields: 'Fix the marked fields.',
    required: 'Required.',
    tooLong: 'At most {max} characters.',
    wholeNumber: 'A whole number from {min} to {max}.',
    chooseLanguage: 'Choose fa or en.',
    recentTitle: 'Recent generations',
    refresh: 'Refresh',
    loading: 'Loading…',
    noGenerations: 'No generations yet.',
    colTitle: 'Title',
    colStatus: 'Status',
    colLanguage: 'Language',
    colCreated: 'Created',
    colDuration: 'Duration',
    back: 'All generations',
    progress: 'Progress',
    steps: 'Steps',
    sectionsCount: '{done} of {total}',
    beingWritten: 'Being written',
    charactersWritten: '{n} characters so far',
    imagesCount: '{done} of {total}',
    elapsed: 'Elapsed',
    remaining: 'Time left',
    unknown: '—',
    attempt: 'Attempt {n}',
    cancel: 'Cancel generation',
    restart: 'Restart',
    confirmCancelTitle: 'Cancel this generation?',
    confirmCancelText: 'Running tasks stop and no further model calls are made. Work already done is kept and a restart continues from it.',
    confirmCancelYes: 'Yes, cancel',
    confirmCancelNo: 'Keep running',
    cancelled: 'The generation was cancelled.',
    failedWith: 'The generation failed: {message}',
    failedNoMessage: 'The generation failed.',
    conflict: 'That is not possible in the current state ({detail}).',
    liveUpdating: 'Live: updates every few seconds.',
    reconnecting: 'Connection lost — reconnecting…',
    reconnectingIn: 'Connection lost — reconnecting (next try in {s} s)…',
    paused: 'Paused while this tab is hidden.',
    finished: 'Finished — no more updates needed.',
    gaveUp: 'Stopped watching after 20 minutes.',
    keepWatching: 'Keep watching',
    notFound: 'No progress is known for this session (it may have expired).',
    rejected: 'The server refused this session address.',
    badSession: 'This address does not name a valid session.',
    article: 'Article',
    contents: 'Contents',
    summary: 'Summary',
    meta: 'Meta',
    metaTitle: 'Meta title',
    metaDescription: 'Meta description',
    keywords: 'Keywords',
    faq: 'Frequently asked questions',
    partial: 'Partial result — the article is still being written.',
    incomplete: 'Incomplete — the generation stopped before the end.',
    imageLoading: 'Loading image…',
    imageFailed: 'The image could not be loaded.',
    modelNotes: 'How the model answered',
    usage: '{model} · {prompt} prompt and {completion} completion tokens',
    langName_fa: 'Persian',
    langName_en: 'English',
    status_pending: 'Waiting',
    status_processing: 'Processing',
    status_completed: 'Completed',
    status_failed: 'Failed',
    status_cancelled: 'Cancelled',
    step_initialization: 'Preparing',
    step_heading_generation: 'Headings',
    step_section_generation: 'Sections',
    step_image_generation: 'Images',
    step_summary_generation: 'Summary',
    step_meta_generation: 'Meta tags',
    step_faq_generation: 'FAQ',
    stepDone: 'done',
    stepCurrent: 'in progress',
    stepStopped: 'stopped here',
  },
  fa: {
    appTitle: 'تولید محتوای هوشمند',
    uiLanguage: 'زبان رابط',
    signOut: 'خروج',
    signedInAs: '{name} ({roles})',
    signInWithProvider: 'ورود با حساب سازمان',
    orAdminToken: 'یا با توکن مدیر:',
    noAccessTitle: 'بدون دسترسی',
    noAccess: 'وارد شده‌اید، اما این پنل یکی از نقش‌های viewer، editor یا admin را لازم دارد. از مدیر سامانه بخواهید یکی را به شما بدهد. ({detail})',
    mine: 'فقط مال من',
    colStartedBy: 'شروع‌کننده',
    startedBy: 'از {name}',
    viewerOnly: 'می‌توانید تولیدها را دنبال کنید؛ شروع تولید نقش editor را لازم دارد.',
    signInTitle: 'ورود',
    signInIntro: 'توکن مدیر را وارد کنید. فقط برای همین زبانه نگه داشته می‌شود.',
    token: 'توکن مدیر',
    signIn: 'ورود',
    signingIn: 'در حال بررسی…',
    tokenRequired: 'توکن مدیر را وارد کنید.',
    tokenRefused: 'سرور این توکن را نپذیرفت. آن را بررسی کنید و دوباره تلاش کنید.',
    serverUnreachable: 'در حال حاضر دسترسی به سرور ممکن نیست. اتصال را بررسی کنید و دوباره تلاش کنید.',
    serverBroken: 'سرور با خطا پاسخ داد ({status}). کمی بعد دوباره تلاش کنید.',
    sessionExpired: 'سرور دیگر توکن این زبانه را نمی‌پذیرد. دوباره وارد شوید.',
    startTitle: 'مقاله‌ی جدید',
    title: 'عنوان',
    titleHint: 'حداکثر {max} نویسه.',
    language: 'زبان مقاله',
    sections: 'تعداد بخش‌ها',
    images: 'تعداد تصاویر',
    rangeHint: 'از {min} تا {max}',
    start: 'شروع تولید',
    starting: 'در حال شروع…',
    fixFields: 'فیلدهای علامت‌خورده را اصلاح کنید.',
    required: 'الزامی است.',
    tooLong: 'حداکثر {max} نویسه.',
    wholeNumber: 'عددی صحیح از {min} تا {max}.',
    chooseLanguage: 'fa یا en را انتخاب کنید.',
    recentTitle: 'تولیدهای اخیر',
    refresh: 'تازه‌سازی',
    loading: 'در حال بارگذاری…',
    noGenerations: 'هنوز تولیدی انجام نشده است.',
    colTitle: 'عنوان',
    colStatus: 'وضعیت',
    colLanguage: 'زبان',
    colCreated: 'ایجاد',
    colDuration: 'مدت',
    back: 'همه‌ی تولیدها',
    progress: 'پیشرفت',
    steps: 'مراحل',
    sectionsCount: '{done} از {total}',
    beingWritten: 'در حال نوشتن',
    charactersWritten: 'تا اینجا {n} نویسه',
    imagesCount: '{done} از {total}',
    elapsed: 'زمان سپری‌شده',
    remaining: 'زمان باقی‌مانده',
    unknown: '—',
    attempt: 'تلاش {n}',
    cancel: 'لغو تولید',
    restart: 'شروع دوباره',
    confirmCancelTitle: 'این تولید لغو شود؟',
    confirmCancelText: 'کارهای در حال اجرا متوقف می‌شوند و فراخوانی دیگری به مدل انجام نمی‌شود. کار انجام‌شده نگه داشته می‌شود و شروع دوباره از همان‌جا ادامه می‌دهد.',
    confirmCancelYes: 'بله، لغو شود',
    confirmCancelNo: 'ادامه بده',
    cancelled: 'تولید لغو شد.',
    failedWith: 'تولید ناموفق بود: {message}',
    failedNoMessage: 'تولید ناموفق بود.',
    conflict: 'در وضعیت فعلی این کار ممکن نیست ({detail}).',
    liveUpdating: 'زنده: هر چند ثانیه به‌روز می‌شود.',
    reconnecting: 'اتصال قطع شد — در حال اتصال دوباره…',
    reconnectingIn: 'اتصال قطع شد — در حال اتصال دوباره (تلاش بعدی تا {s} ثانیه)…',
    paused: 'تا وقتی این زبانه پنهان است، متوقف است.',
    finished: 'پایان یافت — به‌روزرسانی دیگری لازم نیست.',
    gaveUp: 'پس از ۲۰ دقیقه پیگیری متوقف شد.',
    keepWatching: 'ادامه‌ی پیگیری',
    notFound: 'پیشرفتی برای این نشست پیدا نشد (ممکن است منقضی شده باشد).',
    rejected: 'سرور نشانی این نشست را نپذیرفت.',
    badSession: 'این نشانی به نشست معتبری اشاره نمی‌کند.',
    article: 'مقاله',
    contents: 'فهرست',
    summary: 'خلاصه',
    meta: 'متا',
    metaTitle: 'عنوان متا',
    metaDescription: 'توضیح متا',
    keywords: 'کلیدواژه‌ها',
    faq: 'پرسش‌های متداول',
    partial: 'نتیجه‌ی ناقص — مقاله هنوز در حال نوشته شدن است.',
    incomplete: 'ناقص — تولید پیش از پایان متوقف شد.',
    imageLoading: 'در حال بارگذاری تصویر…',
    imageFailed: 'تصویر بارگذاری نشد.',
    modelNotes: 'پاسخ مدل چگونه بود',
    usage: '{model} · {prompt} توکن ورودی و {completion} توکن خروجی',
    langName_fa: 'فارسی',
    langName_en: 'انگلیسی',
    status_pending: 'در انتظار',
    status_processing: 'در حال تولید',
    status_completed: 'تکمیل شد',
    status_failed: 'ناموفق',
    status_cancelled: 'لغو شد',
    step_initialization: 'آماده‌سازی',
    step_heading_generation: 'سرفصل‌ها',
    step_section_generation: 'بخش‌ها',
    step_image_generation: 'تصاویر',
    step_summary_generation: 'خلاصه',
    step_meta_generation: 'متا',
    step_faq_generation: 'پرسش‌های متداول',
    stepDone: 'انجام شد',
    stepCurrent: 'در حال انجام',
    stepStopped: 'اینجا متوقف شد',
  },
};

export const UI_LANGUAGES = Object.freeze(['fa', 'en']);
const UI_LANGUAGE_KEY = 'ai-content-ui-language';

let current = initialLanguage();

function initialLanguage() {
  const chosen = globalThis.localStorage?.getItem(UI_LANGUAGE_KEY);
  if (UI_LANGUAGES.includes(chosen)) return chosen;
  const preferred = globalThis.navigator?.languages ?? [];
  return preferred.some((tag) => tag.toLowerCase().startsWith('fa')) ? 'fa' : 'en';
}

export function uiLanguage() {
  return current;
}

export function setUiLanguage(language) {
  if (!UI_LANGUAGES.includes(language)) return;
  current = language;
  globalThis.localStorage?.setItem(UI_LANGUAGE_KEY, language);
}

export function directionOf(language) {
  return language === 'fa' ? 'rtl' : 'ltr';
}

/** The label for key in the UI language, with {name} placeholders filled (numbers localized). */
export function t(key, params = {}) {
  const template = LABELS[current][key] ?? LABELS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => {
    const value = params[name];
    return typeof value === 'number' ? formatNumber(value) : String(value ?? '');
  });
}

function locale(language = current) {
  return language === 'fa' ? 'fa-IR' : 'en-GB';
}

export function formatNumber(value, language = current) {
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits: 0 }).format(value);
}

export function formatPercent(value, language = current) {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A duration as m:ss or h:mm:ss in the UI language's digits. */
export function formatDuration(milliseconds, language = current) {
  if (!Number.isFinite(milliseconds) || milliseconds < 0) return t('unknown');
  const total = Math.round(milliseconds / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n) => String(n).padStart(2, '0');
  const text = hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
  return language === 'fa' ? toPersianDigits(text) : text;
}

export function formatDateTime(iso, language = current) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('unknown');
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return new Intl.DateTimeFormat(locale(language), {
    year: sameYear ? undefined : 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  }).format(date);
}

export function toPersianDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[d]);
}
