# استجابات المشكلات (RFC 9457). $field و$other تسميات حقول مترجمة، و$values قائمة رموز.

## Problems

problem-bad-request = طلب غير صالح
    .detail = تعذّرت قراءة الطلب.
problem-unauthorized = غير مصرّح
    .detail = يلزم رمز وصول من نوع Bearer.
problem-invalid-token = غير مصرّح
    .detail = رمز الوصول غير صالح: التوقيع أو الخوارزمية أو الجهة المُصدِرة أو الجمهور خاطئ، أو انتهت صلاحيته.
problem-token-revoked = غير مصرّح
    .detail = أُلغي رمز الوصول هذا.
problem-bad-credentials = غير مصرّح
    .detail = اسم المستخدم أو كلمة المرور غير صحيحة.
problem-forbidden = ممنوع
    .detail = رمز الوصول هذا لا يسمح بذلك.
problem-too-many-attempts = طلبات كثيرة جدًا
    .detail = محاولات تسجيل دخول فاشلة كثيرة جدًا؛ حاول مرة أخرى لاحقًا.
problem-not-found = غير موجود
    .detail = لا يوجد شيء في هذا العنوان.
problem-method-not-allowed = الطريقة غير مسموح بها
    .detail = لا يقبل هذا العنوان تلك الطريقة؛ انظر Allow.
problem-not-acceptable = غير مقبول
    .detail = الصيغة المطلوبة غير متاحة هنا.
problem-conflict = تعارض
    .detail = غيّر طلبٌ آخر هذا المورد؛ أعد المحاولة.
problem-precondition-required = يلزم شرط مسبق
    .detail = أرسل If-Match مع قيمة ETag الحالية للحالة لتغييرها.
problem-precondition-failed = لم يتحقق الشرط المسبق
    .detail = تغيّرت الحالة منذ قرأتها؛ اقرأها مجددًا ثم أعد المحاولة.
problem-payload-too-large = حمولة كبيرة جدًا
    .detail = حجم المتن أكبر مما تقبله نقطة النهاية هذه.
problem-unsupported-media-type = نوع وسائط غير مدعوم
    .detail = أرسل المتن بصيغة application/json.
problem-validation = في النموذج مشكلات
    .detail = { $count ->
        [zero] لا توجد مشكلات في النموذج.
        [one] توجد مشكلة واحدة في النموذج؛ انظر errors.
        [two] توجد مشكلتان في النموذج؛ انظر errors.
        [few] توجد { $count } مشكلات في النموذج؛ انظر errors.
        [many] توجد { $count } مشكلةً في النموذج؛ انظر errors.
       *[other] توجد { $count } مشكلة في النموذج؛ انظر errors.
    }
problem-rate-limited = طلبات كثيرة جدًا
    .detail = أرسل رمز الوصول هذا طلبات كثيرة جدًا؛ خفّف الوتيرة.
problem-unavailable = الخدمة غير متاحة
    .detail = قاعدة البيانات مشغولة أو يتعذّر الوصول إليها؛ أعد المحاولة بعد قليل.
problem-internal = خطأ داخلي
    .detail = أخفقت الخدمة في الاستجابة؛ معرّف الارتباط مسجَّل في سجلها.
problem-error = خطأ
    .detail = أخفق الطلب.

## Problems with a form

error-not-object = يجب أن تكون الحالة كائن JSON.
error-unknown-field = هذا الحقل ليس جزءًا من النموذج؛ انظر تعريف النموذج.
error-required = الحقل «{ $field }» مطلوب.
error-empty = يجب ألا يكون الحقل «{ $field }» فارغًا.
error-required-unless = الحقل «{ $field }» مطلوب ما لم يُدخَل «{ $other }».
error-required-when = الحقل «{ $field }» مطلوب عندما { $condition }.
error-only-when = لا يُستخدم الحقل «{ $field }» إلا عندما { $condition }.
condition-is-true = تكون قيمة «{ $field }» «نعم»
condition-is-given = يُدخَل «{ $field }»
condition-equals = تكون قيمة «{ $field }» «{ $value }»
error-one-of = يجب أن تكون قيمة «{ $field }» إحدى القيم التالية: { $values }.
error-drug = يجب أن تكون قيمة «{ $field }» أحد أدوية تعريف النموذج.
error-list-of-values = يجب أن يكون الحقل «{ $field }» قائمة قيم.
error-each-one-of = يجب أن تكون كل قيمة في «{ $field }» إحدى القيم التالية: { $values }.
error-same-value-twice = يتضمن الحقل «{ $field }» القيمة نفسها مرتين.
error-must-be-alone = في «{ $field }»، لا يمكن الجمع بين «{ $value }» وأي قيمة أخرى.
error-whole-number = يجب أن تكون قيمة «{ $field }» عددًا صحيحًا.
error-between = يجب أن تكون قيمة «{ $field }» بين { $min } و{ $max }.
error-number = يجب أن تكون قيمة «{ $field }» عددًا.
error-decimals = { $decimals ->
    [zero] يجب أن تكون قيمة «{ $field }» دون منازل عشرية.
    [one] يجب ألا تتجاوز قيمة «{ $field }» منزلة عشرية واحدة.
    [two] يجب ألا تتجاوز قيمة «{ $field }» منزلتين عشريتين.
    [few] يجب ألا تتجاوز قيمة «{ $field }» { $decimals } منازل عشرية.
    [many] يجب ألا تتجاوز قيمة «{ $field }» { $decimals } منزلةً عشرية.
   *[other] يجب ألا تتجاوز قيمة «{ $field }» { $decimals } منزلة عشرية.
}
error-true-or-false = يجب أن تكون قيمة «{ $field }» true أو false.
error-country-code = يجب أن تكون قيمة «{ $field }» رمز بلد وفق ISO 3166-1 alpha-2.
error-country-value = يجب أن تكون قيمة «{ $field }» رمز بلد وفق ISO 3166-1 alpha-2 بأحرف كبيرة، مثل NO أو BR.
error-date = يجب أن تكون قيمة «{ $field }» تاريخًا بالصيغة YYYY-MM-DD.
error-date-range = يجب أن تكون قيمة «{ $field }» تاريخًا بعد عام 1880 وليس في المستقبل.
error-diagnosis-date = يجب أن تُكتب قيمة «{ $field }» بالصيغة YYYY-MM-DD أو YYYY-MM.
error-diagnosis-date-range = يجب أن تكون قيمة «{ $field }» من نوفمبر 2019 فما بعد وليست في المستقبل.
error-text = يجب أن تكون قيمة «{ $field }» نصًا.
error-too-long = يجب ألا يتجاوز عدد أحرف «{ $field }» { $max }.
error-object = يجب أن يكون الحقل «{ $field }» كائنًا (مجموعة حقول).
error-list = يجب أن يكون الحقل «{ $field }» قائمة.
error-too-many-items = يجب ألا يتجاوز عدد إدخالات «{ $field }» { $max }.
error-too-few-items = يجب ألا يقل عدد إدخالات «{ $field }» عن { $min }.
error-each-entry-object = يجب أن يكون كل إدخال في «{ $field }» كائنًا.

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = لا يمكن تسجيل دخول العناية المركزة إلا لمريض دخل المستشفى.
error-ventilation-requires-hospitalised = لا يمكن تسجيل التهوية الباضعة إلا لمريض دخل المستشفى.
error-died-status-must-be-died = يجب أن تكون حالة المآل «توفي» إذا توفي المريض.
error-died-status-only-if-died = لا يمكن أن تكون حالة المآل «توفي» إلا إذا كانت قيمة «توفي» «نعم».
error-duplicate-drug = لا يمكن إدراج كل دواء إلا مرة واحدة بين العلاجات.
error-age-top-coded-requires-90 = لا يمكن تفعيل «العمر محدود بسقف» إلا مع عمر 90.
error-topical-only-with-systemic-treatment = لا يمكن أن تكون قيمة «علاج موضعي فقط» «نعم» عند إدراج علاج جهازي.
error-date-of-birth-after-diagnosis = يجب ألا يكون تاريخ الميلاد بعد تاريخ تشخيص كوفيد-19.
error-age-from-date-of-birth = يجب أن يكون العمر عند التشخيص المحسوب من تاريخ الميلاد بين { $min } و{ $max }.
error-age-inconsistent = العمر لا يتوافق مع تاريخ الميلاد وتاريخ التشخيص.
error-bmi-out-of-range = يعطي الطول والوزن مؤشر كتلة جسم خارج النطاق من { $min } إلى { $max }؛ يُرجى التحقق من كليهما.
error-bmi-inconsistent = مؤشر كتلة الجسم لا يتوافق مع الطول والوزن.
error-date-from-diagnosis = يجب ألا يسبق هذا التاريخ تشخيص كوفيد-19 بأكثر من { $before } من الأيام، ولا يليه بأكثر من { $after } من الأيام.
error-day-inconsistent = اليوم لا يتوافق مع التاريخ المُدخَل للحدث نفسه.

## The de-identification report

# لا يُخزَّن نص حر مكتوب في الغالب بخط أو لغة لا تقرؤها أداة إزالة الهوية.
free-text-unreadable = لم يُخزَّن هذا النص: فهو مكتوب في الغالب بخط أو لغة لا تستطيع أداة إزالة بيانات الهوية فحصها بحثًا عن الأسماء وغيرها من البيانات المُعرِّفة للهوية. يُرجى كتابته بالإنجليزية أو بلغة أخرى يقرؤها السجل.
