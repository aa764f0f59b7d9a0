import type { referrals as fr } from "../fr/referrals";

/** Referrals with their reason and shared sections, named partners, the confirmation of case workers (issue 18). */
export const referrals: Record<keyof typeof fr, string> = {
  "protection.referral.reasonLabel": "السبب",
  "protection.referral.reason.specialised_service": "خدمة متخصصة",
  "protection.referral.reason.person_moved": "انتقل الشخص إلى مكان آخر",
  "protection.referral.reason.capacity": "قدرة الجمعية",
  "protection.referral.reason.safety": "سلامة الشخص",
  "protection.referral.reason.other": "سبب آخر",
  "protection.referral.reason.unknown": "غير محدد",
  "protection.referral.urgencyLabel": "الاستعجال",
  "protection.referral.urgency.routine": "عادي",
  "protection.referral.urgency.urgent": "مستعجل",
  "protection.referral.urgency.emergency": "فوري",
  "protection.referral.servicesLabel": "الخدمات المطلوبة",
  "protection.referral.shareLabel": "أقسام الملف المشتركة",
  "protection.referral.shareHint":
    "لا ترى الجمعية الشريكة إلا الأقسام المؤشَّر عليها، قبل القبول وبعده. لا يُشارَك أي شيء دون تأشير.",
  "protection.referral.share.identity": "الهوية (الاسم، السن، الاتصال، الوثائق، الأسرة)",
  "protection.referral.share.services": "الخدمات المقدَّمة",
  "protection.referral.share.notes": "ملاحظات المتابعة",
  "protection.referral.share.vulnerability": "تقييم الهشاشة",
  "protection.referral.sharedNone": "لا قسم",
  "protection.referral.sharedList": "المشترك: {sections}",
  "protection.referral.namedPartners": "الجمعيات المذكورة في الموافقة: {names}.",
  "protection.referral.noPartnerNamed": "لا تذكر موافقة الشخص أي جمعية شريكة: سجّلوا موافقة جديدة تذكر إحداها.",
  "protection.referral.namedTag": "مذكورة في الموافقة",
  "protection.errors.partnerNotNamed":
    "لا تذكر موافقة الشخص هذه الجمعية. سجّلوا موافقة جديدة، أو يستثني مشرف أو مشرفة مع ذكر السبب.",
  "protection.errors.referralReason": "اختاروا سبب الطلب.",
  "protection.errors.referralUrgency": "اختاروا درجة استعجال الطلب.",
  "protection.errors.consentPartners":
    "أشّروا على جمعية شريكة واحدة على الأقل: الموافقة على الإحالة لا تشمل إلا الجمعيات التي تذكرها.",
  "protection.consent.partnersLabel": "الجمعيات التي يقبل الشخص أن يُحال إليها",
  "protection.consent.partnersNone": "لا شيء",
  "protection.consent.partnersNoted": "ما سُجّل حينها: {text}",
  "protection.partner.title": "الملف {reference}",
  "protection.partner.requests": "طلب مُرسَل من {from}",
  "protection.partner.requestLine": "{kind} · {date} · {status}",
  "protection.partner.pendingHint": "ما دمتم لم تقبلوا، تقرؤون فقط ما تشاركه الجمعية المُحيلة، ولا تكتبون شيئًا.",
  "protection.partner.acceptedHint":
    "ترون الأقسام المشتركة؛ وتضيفون ملاحظاتكم وخدماتكم دون تغيير ما سجّلته الجمعية المُحيلة.",
  "protection.partner.notShared": "هذا القسم غير مشترك مع جمعيتكم.",
  "protection.partner.ownOnly": "غير مشترك: فقط ما سجّلته جمعيتكم.",
  "protection.referrals.open": "الاطلاع على ما تمت مشاركته",
  "protection.referrals.services": "الخدمات المطلوبة: {services}",
  "protection.referrals.details": "السبب: {reason} · الاستعجال: {urgency}",
  "protection.notify.referral": "طلب إحالة في انتظاركم: {reason}، الاستعجال {urgency}.",
  "protection.notify.referral.subject": "طلب إحالة ({urgency})",
  "protection.notify.referral.body":
    "أرسلت إليكم جمعية شريكة طلب إحالة.\nالسبب: {reason}\nالاستعجال: {urgency}\nافتحوا «الإحالات الواردة» على مسار لقراءته والرد عليه.",
  "protection.notify.referral.sms": "مسار: طلب إحالة ({reason}، الاستعجال {urgency}).",
  "protection.staff.nav": "حسابات تنتظر التأكيد ({count})",
  "protection.staff.title": "حسابات تنتظر التأكيد",
  "protection.staff.hint":
    "لا تصل هذه الحسابات من جمعيتكم إلى أي ملف حماية ما لم يؤكدها مشرف أو مشرفة. لا تؤكدوا إلا شخصًا تعرفونه ويعمل معكم.",
  "protection.staff.none": "لا يوجد حساب ينتظر التأكيد.",
  "protection.staff.reason.new_account": "حساب جديد أنشأه مسؤول",
  "protection.staff.reason.role_change": "دور أو جمعية غيّرها مسؤول",
  "protection.staff.reason.new_code": "رمز كلمة مرور أصدره مسؤول",
  "protection.staff.since": "منذ {date}",
  "protection.staff.confirm": "تأكيد الولوج",
  "protection.staff.pendingNotice":
    "ولوجكم إلى ملفات الحماية لدى {association} ينتظر تأكيد مشرف أو مشرفة من الجمعية: إلى ذلك الحين، صفحات الحماية والمساعدات والتقارير غير متاحة لكم.",
  "protection.staff.pendingWho": "من يمكنه تأكيد حسابكم: {names}.",
  "protection.staff.pendingNoSupervisor":
    "لم يُعيَّن بعد أي مشرف أو مشرفة في جمعيتكم: اطلبوا من مسؤول البرنامج تعيين أحدهم.",
  "admin.users.caseAccess": "الولوج إلى ملفات الحماية",
  "admin.users.caseAccessConfirmed": "مؤكَّد بتاريخ {date}",
  "admin.users.caseAccessPending": "في انتظار تأكيد مشرف أو مشرفة من الجمعية ({reason})",
  "admin.users.caseAccessNote":
    "لا يصل حساب العامل(ة) الاجتماعي(ة) إلى ملفات الحماية إلا بعد تأكيد مشرف أو مشرفة من جمعيته.",
};
