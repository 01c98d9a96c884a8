# תגובות בעיה (RFC 9457). $field ו-$other הם שמות שדות מתורגמים, $values רשימת קודים.

## Problems

problem-bad-request = בקשה שגויה
    .detail = לא ניתן היה לקרוא את הבקשה.
problem-unauthorized = אין הרשאה
    .detail = נדרש אסימון Bearer.
problem-invalid-token = אין הרשאה
    .detail = האסימון אינו תקף: חתימה, אלגוריתם, מנפיק או קהל יעד שגויים, או שפג תוקפו.
problem-token-revoked = אין הרשאה
    .detail = האסימון בוטל.
problem-bad-credentials = אין הרשאה
    .detail = שם המשתמש או הסיסמה שגויים.
problem-forbidden = אסור
    .detail = האסימון הזה אינו מתיר פעולה זו.
problem-too-many-attempts = יותר מדי בקשות
    .detail = יותר מדי ניסיונות כניסה שנכשלו; נסו שוב מאוחר יותר.
problem-not-found = לא נמצא
    .detail = אין כלום בכתובת זו.
problem-method-not-allowed = השיטה אינה מותרת
    .detail = כתובת זו אינה מקבלת את השיטה הזו; ראו Allow.
problem-not-acceptable = לא ניתן לקבל
    .detail = הפורמט המבוקש אינו זמין כאן.
problem-conflict = התנגשות
    .detail = המשאב שונה על ידי בקשה אחרת; נסו שוב.
problem-precondition-required = נדרש תנאי מוקדם
    .detail = כדי לשנות את המקרה, שלחו If-Match עם ה-ETag הנוכחי שלו.
problem-precondition-failed = התנאי המוקדם לא התקיים
    .detail = המקרה השתנה מאז שקראתם אותו; קראו אותו שוב ונסו שוב.
problem-payload-too-large = המטען גדול מדי
    .detail = גוף הבקשה גדול ממה שנקודת קצה זו מקבלת.
problem-unsupported-media-type = סוג מדיה לא נתמך
    .detail = שלחו את גוף הבקשה כ-application/json.
problem-validation = יש בעיות בטופס
    .detail = { $count ->
        [one] בעיה אחת בטופס; ראו errors.
        [two] שתי בעיות בטופס; ראו errors.
       *[other] { $count } בעיות בטופס; ראו errors.
    }
problem-rate-limited = יותר מדי בקשות
    .detail = האסימון הזה שלח יותר מדי בקשות; האטו.
problem-unavailable = השירות אינו זמין
    .detail = מסד הנתונים עמוס או אינו נגיש; נסו שוב בעוד רגע.
problem-internal = שגיאה פנימית
    .detail = השירות לא הצליח להשיב; מזהה המתאם (correlation id) רשום ביומן שלו.
problem-error = שגיאה
    .detail = הבקשה נכשלה.

## Problems with a form

error-not-object = המקרה חייב להיות אובייקט JSON.
error-unknown-field = שדה זה אינו חלק מהטופס; ראו את הגדרת הטופס.
error-required = השדה "{ $field }" הוא שדה חובה.
error-empty = השדה "{ $field }" אינו יכול להיות ריק.
error-required-unless = השדה "{ $field }" הוא חובה אלא אם "{ $other }" מולא.
error-required-when = השדה "{ $field }" הוא חובה כאשר { $condition }.
error-only-when = השדה "{ $field }" משמש רק כאשר { $condition }.
condition-is-true = "{ $field }" הוא "כן"
condition-is-given = "{ $field }" מולא
condition-equals = "{ $field }" הוא "{ $value }"
error-one-of = "{ $field }" חייב להיות אחד מאלה: { $values }.
error-drug = "{ $field }" חייב להיות אחת התרופות שבהגדרת הטופס.
error-list-of-values = "{ $field }" חייב להיות רשימת ערכים.
error-each-one-of = כל ערך של "{ $field }" חייב להיות אחד מאלה: { $values }.
error-same-value-twice = "{ $field }" מכיל את אותו ערך פעמיים.
error-must-be-alone = ב-"{ $field }", לא ניתן לשלב את "{ $value }" עם ערך אחר.
error-whole-number = "{ $field }" חייב להיות מספר שלם.
error-between = "{ $field }" חייב להיות בין { $min } ל-{ $max }.
error-number = "{ $field }" חייב להיות מספר.
error-decimals = { $decimals ->
    [one] ב-"{ $field }" מותרת לכל היותר ספרה אחת אחרי הנקודה העשרונית.
    [two] ב-"{ $field }" מותרות לכל היותר שתי ספרות אחרי הנקודה העשרונית.
   *[other] ב-"{ $field }" מותרות לכל היותר { $decimals } ספרות אחרי הנקודה העשרונית.
}
error-true-or-false = "{ $field }" חייב להיות true או false.
error-country-code = "{ $field }" חייב להיות קוד מדינה לפי ISO 3166-1 alpha-2.
error-country-value = "{ $field }" חייב להיות קוד מדינה לפי ISO 3166-1 alpha-2 באותיות גדולות, כגון NO או BR.
error-date = "{ $field }" חייב להיות תאריך בפורמט YYYY-MM-DD.
error-date-range = "{ $field }" חייב להיות תאריך אחרי 1880 ולא בעתיד.
error-diagnosis-date = "{ $field }" חייב להיכתב בפורמט YYYY-MM-DD או YYYY-MM.
error-diagnosis-date-range = "{ $field }" חייב להיות מנובמבר 2019 ואילך ולא בעתיד.
error-text = "{ $field }" חייב להיות טקסט.
error-too-long = "{ $field }" יכול להכיל לכל היותר { $max } תווים.
error-object = "{ $field }" חייב להיות אובייקט (קבוצת שדות).
error-list = "{ $field }" חייב להיות רשימה.
error-too-many-items = "{ $field }" יכול להכיל לכל היותר { $max } רשומות.
error-too-few-items = "{ $field }" צריך להכיל לפחות { $min } רשומות.
error-each-entry-object = כל רשומה ב-"{ $field }" חייבת להיות אובייקט.

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = ניתן לרשום אשפוז בטיפול נמרץ רק למטופל שאושפז.
error-ventilation-requires-hospitalised = ניתן לרשום הנשמה פולשנית רק למטופל שאושפז.
error-died-status-must-be-died = מצב התוצאה חייב להיות "נפטר" כאשר המטופל נפטר.
error-died-status-only-if-died = מצב התוצאה יכול להיות "נפטר" רק כאשר "נפטר" הוא "כן".
error-duplicate-drug = כל תרופה יכולה להופיע רק פעם אחת בין הטיפולים.
error-age-top-coded-requires-90 = ניתן לסמן "גיל מוגבל בתקרה" רק יחד עם גיל 90.
error-topical-only-with-systemic-treatment = "טיפול מקומי בלבד" אינו יכול להיות "כן" כאשר מופיע טיפול סיסטמי.
error-date-of-birth-after-diagnosis = תאריך הלידה אינו יכול להיות אחרי תאריך אבחון COVID-19.
error-age-from-date-of-birth = הגיל באבחון, המחושב מתאריך הלידה, חייב להיות בין { $min } ל-{ $max }.
error-age-inconsistent = הגיל אינו תואם את תאריך הלידה ואת תאריך האבחון.
error-bmi-out-of-range = הגובה והמשקל נותנים BMI מחוץ לטווח { $min } עד { $max }; אנא בדקו את שניהם.
error-bmi-inconsistent = ה-BMI אינו תואם את הגובה והמשקל.
error-date-from-diagnosis = תאריך זה חייב להיות בין { $before } ימים לפני אבחון COVID-19 ל-{ $after } ימים אחריו.
error-day-inconsistent = היום אינו תואם את התאריך שניתן לאותו אירוע.

## The de-identification report

# טקסט חופשי שנכתב ברובו בכתב או בשפה שאף חבילת ניקוי אינה קוראת אינו נשמר.
free-text-unreadable = טקסט זה לא נשמר: הוא כתוב ברובו בכתב או בשפה שתהליך הסרת הפרטים המזהים אינו יכול לבדוק בהם שמות ופרטים מזהים אחרים. אנא כתבו אותו באנגלית או בשפה אחרת שהמרשם קורא.
