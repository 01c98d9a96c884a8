# 問題応答（RFC 9457）。$field と $other は翻訳済みの項目名、$values はコードの一覧。

## Problems

problem-bad-request = 不正なリクエスト
    .detail = リクエストを読み取れませんでした。
problem-unauthorized = 認証されていません
    .detail = Bearer トークンが必要です。
problem-invalid-token = 認証されていません
    .detail = トークンが無効です（署名、アルゴリズム、発行者または対象者が不正、あるいは有効期限切れ）。
problem-token-revoked = 認証されていません
    .detail = このトークンは失効しています。
problem-bad-credentials = 認証されていません
    .detail = ユーザー名またはパスワードが正しくありません。
problem-forbidden = アクセスが禁止されています
    .detail = このトークンではその操作は許可されていません。
problem-too-many-attempts = リクエストが多すぎます
    .detail = ログインの失敗が多すぎます。しばらくしてから再度お試しください。
problem-not-found = 見つかりません
    .detail = このアドレスには何もありません。
problem-method-not-allowed = 許可されていないメソッド
    .detail = このアドレスはそのメソッドを受け付けません。Allow を参照してください。
problem-not-acceptable = 受け入れられない形式
    .detail = 要求された形式はここでは利用できません。
problem-conflict = 競合
    .detail = リソースが別のリクエストによって変更されました。再度お試しください。
problem-precondition-required = 前提条件が必要です
    .detail = 症例を変更するには、現在の ETag を付けて If-Match を送信してください。
problem-precondition-failed = 前提条件を満たしていません
    .detail = 読み込んだ後に症例が変更されています。再度読み込んでからお試しください。
problem-payload-too-large = ペイロードが大きすぎます
    .detail = 本文がこのエンドポイントの上限を超えています。
problem-unsupported-media-type = サポートされていないメディアタイプ
    .detail = 本文は application/json で送信してください。
problem-validation = フォームに問題があります
    .detail = { $count ->
       *[other] フォームに{ $count }件の問題があります。errors を参照してください。
    }
problem-rate-limited = リクエストが多すぎます
    .detail = このトークンからのリクエストが多すぎます。間隔を空けてください。
problem-unavailable = サービスを利用できません
    .detail = データベースが混雑しているか接続できません。少し待ってから再度お試しください。
problem-internal = 内部エラー
    .detail = サービスが応答できませんでした。相関 ID がログに記録されています。
problem-error = エラー
    .detail = リクエストに失敗しました。

## Problems with a form

error-not-object = 症例は JSON オブジェクトである必要があります。
error-unknown-field = この項目はフォームに含まれていません。フォーム定義を参照してください。
error-required = 「{ $field }」は必須です。
error-empty = 「{ $field }」を空にすることはできません。
error-required-unless = 「{ $other }」が入力されていない場合、「{ $field }」は必須です。
error-required-when = { $condition }場合、「{ $field }」は必須です。
error-only-when = 「{ $field }」は{ $condition }場合にのみ使用します。
condition-is-true = 「{ $field }」が「はい」の
condition-is-given = 「{ $field }」が入力されている
condition-equals = 「{ $field }」が「{ $value }」の
error-one-of = 「{ $field }」は次のいずれかである必要があります: { $values }。
error-drug = 「{ $field }」はフォーム定義にある薬剤のいずれかである必要があります。
error-list-of-values = 「{ $field }」は値のリストである必要があります。
error-each-one-of = 「{ $field }」の各値は次のいずれかである必要があります: { $values }。
error-same-value-twice = 「{ $field }」に同じ値が2回含まれています。
error-must-be-alone = 「{ $field }」では、「{ $value }」を他の値と組み合わせることはできません。
error-whole-number = 「{ $field }」は整数である必要があります。
error-between = 「{ $field }」は{ $min }から{ $max }の間である必要があります。
error-number = 「{ $field }」は数値である必要があります。
error-decimals = { $decimals ->
   *[other] 「{ $field }」は小数点以下{ $decimals }桁までです。
}
error-true-or-false = 「{ $field }」は true または false である必要があります。
error-country-code = 「{ $field }」は ISO 3166-1 alpha-2 の国コードである必要があります。
error-country-value = 「{ $field }」は NO や BR のような大文字の ISO 3166-1 alpha-2 国コードである必要があります。
error-date = 「{ $field }」は YYYY-MM-DD 形式の日付である必要があります。
error-date-range = 「{ $field }」は1880年より後で、未来ではない日付である必要があります。
error-diagnosis-date = 「{ $field }」は YYYY-MM-DD または YYYY-MM 形式で入力してください。
error-diagnosis-date-range = 「{ $field }」は2019年11月以降で、未来ではない日付である必要があります。
error-text = 「{ $field }」はテキストである必要があります。
error-too-long = 「{ $field }」は{ $max }文字以内である必要があります。
error-object = 「{ $field }」はオブジェクト（項目のまとまり）である必要があります。
error-list = 「{ $field }」はリストである必要があります。
error-too-many-items = 「{ $field }」に入力できるのは{ $max }件までです。
error-too-few-items = 「{ $field }」には{ $min }件以上の入力が必要です。
error-each-entry-object = 「{ $field }」の各項目はオブジェクトである必要があります。

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = 集中治療室入室は入院した患者についてのみ記録できます。
error-ventilation-requires-hospitalised = 侵襲的人工呼吸は入院した患者についてのみ記録できます。
error-died-status-must-be-died = 患者が死亡した場合、転帰の状態は「死亡」でなければなりません。
error-died-status-only-if-died = 転帰の状態を「死亡」にできるのは、「死亡」が「はい」の場合のみです。
error-duplicate-drug = 各薬剤は治療の中で1回しか記載できません。
error-age-top-coded-requires-90 = 「年齢上限処理」は年齢90と併せてのみ設定できます。
error-topical-only-with-systemic-treatment = 全身療法が記載されている場合、「外用療法のみ」を「はい」にすることはできません。
error-date-of-birth-after-diagnosis = 生年月日がCOVID-19診断日より後であってはなりません。
error-age-from-date-of-birth = 生年月日から算出した診断時年齢は{ $min }から{ $max }の間である必要があります。
error-age-inconsistent = 年齢が生年月日および診断日と一致しません。
error-bmi-out-of-range = 身長と体重から算出したBMIが{ $min }〜{ $max }の範囲外です。両方を確認してください。
error-bmi-inconsistent = BMIが身長・体重と一致しません。
error-date-from-diagnosis = この日付はCOVID-19診断日の{ $before }日前から{ $after }日後までの範囲である必要があります。
error-day-inconsistent = 日数が同じ事象について入力された日付と一致しません。

## The de-identification report

# 匿名化処理で読めない文字・言語の自由記述は保存されません。
free-text-unreadable = このテキストは保存されませんでした。大部分が、匿名化処理で氏名などの個人を特定する情報を確認できない文字または言語で書かれています。英語、またはレジストリが対応している他の言語で記入してください。
