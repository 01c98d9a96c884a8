# 問題回應（RFC 9457）。$field 與 $other 為已翻譯的欄位名稱，$values 為代碼清單。

## Problems

problem-bad-request = 錯誤的請求
    .detail = 無法讀取此請求。
problem-unauthorized = 未經授權
    .detail = 需要 Bearer 權杖。
problem-invalid-token = 未經授權
    .detail = 權杖無效：簽章、演算法、簽發者或對象錯誤，或已過期。
problem-token-revoked = 未經授權
    .detail = 此權杖已被撤銷。
problem-bad-credentials = 未經授權
    .detail = 使用者名稱或密碼錯誤。
problem-forbidden = 禁止存取
    .detail = 此權杖不允許執行該操作。
problem-too-many-attempts = 請求過多
    .detail = 登入失敗次數過多，請稍後再試。
problem-not-found = 找不到
    .detail = 此網址沒有任何內容。
problem-method-not-allowed = 不允許的方法
    .detail = 此網址不接受該方法；請參閱 Allow。
problem-not-acceptable = 無法接受
    .detail = 此處不提供所要求的格式。
problem-conflict = 衝突
    .detail = 此資源已被另一個請求變更，請重試。
problem-precondition-required = 需要先決條件
    .detail = 若要變更病例，請傳送附有該病例目前 ETag 的 If-Match。
problem-precondition-failed = 先決條件不符
    .detail = 您讀取之後病例已被變更；請重新讀取後再試。
problem-payload-too-large = 內容過大
    .detail = 請求本文超過此端點可接受的大小。
problem-unsupported-media-type = 不支援的媒體類型
    .detail = 請以 application/json 格式傳送請求本文。
problem-validation = 表單有問題
    .detail = { $count ->
       *[other] 表單有 { $count } 個問題；請參閱 errors。
    }
problem-rate-limited = 請求過多
    .detail = 此權杖的請求過多，請放慢速度。
problem-unavailable = 服務無法使用
    .detail = 資料庫忙碌中或無法連線，請稍後重試。
problem-internal = 內部錯誤
    .detail = 服務無法回應；關聯 ID 已記錄於日誌中。
problem-error = 錯誤
    .detail = 請求失敗。

## Problems with a form

error-not-object = 病例必須是 JSON 物件。
error-unknown-field = 此欄位不屬於該表單；請參閱表單定義。
error-required = 「{ $field }」為必填。
error-empty = 「{ $field }」不可為空白。
error-required-unless = 除非已填寫「{ $other }」，否則「{ $field }」為必填。
error-required-when = 當{ $condition }時，「{ $field }」為必填。
error-only-when = 僅在{ $condition }時使用「{ $field }」。
condition-is-true = 「{ $field }」為「是」
condition-is-given = 已填寫「{ $field }」
condition-equals = 「{ $field }」為「{ $value }」
error-one-of = 「{ $field }」必須是下列之一：{ $values }。
error-drug = 「{ $field }」必須是表單定義中的藥物之一。
error-list-of-values = 「{ $field }」必須是值的清單。
error-each-one-of = 「{ $field }」的每個值都必須是下列之一：{ $values }。
error-same-value-twice = 「{ $field }」中同一個值出現了兩次。
error-must-be-alone = 在「{ $field }」中，「{ $value }」不可與其他值同時選擇。
error-whole-number = 「{ $field }」必須是整數。
error-between = 「{ $field }」必須介於 { $min } 與 { $max } 之間。
error-number = 「{ $field }」必須是數字。
error-decimals = { $decimals ->
   *[other] 「{ $field }」最多只能有 { $decimals } 位小數。
}
error-true-or-false = 「{ $field }」必須為 true 或 false。
error-country-code = 「{ $field }」必須是 ISO 3166-1 alpha-2 國家代碼。
error-country-value = 「{ $field }」必須是大寫的 ISO 3166-1 alpha-2 國家代碼，例如 NO 或 BR。
error-date = 「{ $field }」必須是格式為 YYYY-MM-DD 的日期。
error-date-range = 「{ $field }」必須是1880年之後且不晚於今天的日期。
error-diagnosis-date = 「{ $field }」必須採用 YYYY-MM-DD 或 YYYY-MM 格式。
error-diagnosis-date-range = 「{ $field }」必須在2019年11月或之後，且不晚於今天。
error-text = 「{ $field }」必須是文字。
error-too-long = 「{ $field }」最多 { $max } 個字元。
error-object = 「{ $field }」必須是物件（一組欄位）。
error-list = 「{ $field }」必須是清單。
error-too-many-items = 「{ $field }」最多可有 { $max } 項。
error-too-few-items = 「{ $field }」至少需要 { $min } 項。
error-each-entry-object = 「{ $field }」的每一項都必須是物件。

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = 僅住院患者可記錄入住加護病房。
error-ventilation-requires-hospitalised = 僅住院患者可記錄侵入性呼吸器。
error-died-status-must-be-died = 患者死亡時，結局狀態必須為「死亡」。
error-died-status-only-if-died = 僅在「死亡」為「是」時，結局狀態才可為「死亡」。
error-duplicate-drug = 每種藥物在治療中只能列出一次。
error-age-top-coded-requires-90 = 「年齡上限編碼」僅能與年齡90一併設定。
error-topical-only-with-systemic-treatment = 已列出全身性治療時，「僅局部治療」不可為「是」。
error-date-of-birth-after-diagnosis = 出生日期不可晚於COVID-19診斷日期。
error-age-from-date-of-birth = 依出生日期計算的診斷時年齡必須介於 { $min } 與 { $max } 之間。
error-age-inconsistent = 年齡與出生日期及診斷日期不符。
error-bmi-out-of-range = 依身高與體重計算的BMI不在 { $min } 至 { $max } 的範圍內；請檢查這兩項數值。
error-bmi-inconsistent = BMI與身高及體重不符。
error-date-from-diagnosis = 此日期必須介於COVID-19診斷前 { $before } 天至診斷後 { $after } 天之間。
error-day-inconsistent = 天數與同一事件所填的日期不符。

## The de-identification report

# 去識別化無法讀取之文字或語言的自由文字不予儲存。
free-text-unreadable = 此文字未被儲存：其大部分內容所使用的文字或語言，去識別化程序無法檢查其中的姓名及其他可識別個人身分的資料。請以英文或登錄系統可讀取的其他語言填寫。
