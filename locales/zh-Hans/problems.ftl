# 问题响应（RFC 9457）。$field 和 $other 为已翻译的字段名称，$values 为代码列表。

## Problems

problem-bad-request = 错误的请求
    .detail = 无法读取该请求。
problem-unauthorized = 未授权
    .detail = 需要提供 Bearer 令牌。
problem-invalid-token = 未授权
    .detail = 令牌无效：签名、算法、签发者或受众错误，或已过期。
problem-token-revoked = 未授权
    .detail = 该令牌已被撤销。
problem-bad-credentials = 未授权
    .detail = 用户名或密码错误。
problem-forbidden = 禁止访问
    .detail = 此令牌不允许执行该操作。
problem-too-many-attempts = 请求过多
    .detail = 登录失败次数过多，请稍后再试。
problem-not-found = 未找到
    .detail = 此地址没有任何内容。
problem-method-not-allowed = 不允许的方法
    .detail = 此地址不接受该方法；请参阅 Allow。
problem-not-acceptable = 无法接受
    .detail = 此处不提供所请求的格式。
problem-conflict = 冲突
    .detail = 该资源已被另一请求修改，请重试。
problem-precondition-required = 需要前提条件
    .detail = 如需修改病例，请发送带有该病例当前 ETag 的 If-Match。
problem-precondition-failed = 前提条件不满足
    .detail = 自您读取后病例已被修改；请重新读取后再试。
problem-payload-too-large = 请求内容过大
    .detail = 请求正文超出此端点可接受的大小。
problem-unsupported-media-type = 不支持的媒体类型
    .detail = 请以 application/json 格式发送请求正文。
problem-validation = 表单存在问题
    .detail = { $count ->
       *[other] 表单存在 { $count } 个问题；请参阅 errors。
    }
problem-rate-limited = 请求过多
    .detail = 此令牌的请求过多，请放慢速度。
problem-unavailable = 服务不可用
    .detail = 数据库繁忙或无法连接，请稍后重试。
problem-internal = 内部错误
    .detail = 服务未能响应；关联 ID 已记录在日志中。
problem-error = 错误
    .detail = 请求失败。

## Problems with a form

error-not-object = 病例必须是一个 JSON 对象。
error-unknown-field = 此字段不属于该表单；请参阅表单定义。
error-required = “{ $field }”为必填项。
error-empty = “{ $field }”不能为空。
error-required-unless = 除非填写了“{ $other }”，否则“{ $field }”为必填项。
error-required-when = 当{ $condition }时，“{ $field }”为必填项。
error-only-when = 仅当{ $condition }时才使用“{ $field }”。
condition-is-true = “{ $field }”为“是”
condition-is-given = 已填写“{ $field }”
condition-equals = “{ $field }”为“{ $value }”
error-one-of = “{ $field }”必须是以下之一：{ $values }。
error-drug = “{ $field }”必须是表单定义中的药物之一。
error-list-of-values = “{ $field }”必须是值的列表。
error-each-one-of = “{ $field }”的每个值必须是以下之一：{ $values }。
error-same-value-twice = “{ $field }”中同一个值出现了两次。
error-must-be-alone = 在“{ $field }”中，“{ $value }”不能与其他值同时选择。
error-whole-number = “{ $field }”必须是整数。
error-between = “{ $field }”必须介于 { $min } 和 { $max } 之间。
error-number = “{ $field }”必须是数字。
error-decimals = { $decimals ->
   *[other] “{ $field }”最多只能有 { $decimals } 位小数。
}
error-true-or-false = “{ $field }”必须为 true 或 false。
error-country-code = “{ $field }”必须是 ISO 3166-1 alpha-2 国家代码。
error-country-value = “{ $field }”必须是大写的 ISO 3166-1 alpha-2 国家代码，例如 NO 或 BR。
error-date = “{ $field }”必须是格式为 YYYY-MM-DD 的日期。
error-date-range = “{ $field }”必须是1880年之后且不晚于今天的日期。
error-diagnosis-date = “{ $field }”必须采用 YYYY-MM-DD 或 YYYY-MM 格式。
error-diagnosis-date-range = “{ $field }”必须在2019年11月或之后，且不晚于今天。
error-text = “{ $field }”必须是文本。
error-too-long = “{ $field }”最多 { $max } 个字符。
error-object = “{ $field }”必须是一个对象（一组字段）。
error-list = “{ $field }”必须是一个列表。
error-too-many-items = “{ $field }”最多可有 { $max } 项。
error-too-few-items = “{ $field }”至少需要 { $min } 项。
error-each-entry-object = “{ $field }”的每一项都必须是对象。

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = 仅住院患者可记录入住重症监护病房。
error-ventilation-requires-hospitalised = 仅住院患者可记录有创通气。
error-died-status-must-be-died = 患者死亡时，结局状态必须为“死亡”。
error-died-status-only-if-died = 仅当“死亡”为“是”时，结局状态才能为“死亡”。
error-duplicate-drug = 每种药物在治疗中只能列出一次。
error-age-top-coded-requires-90 = “年龄上限编码”只能与年龄90同时设置。
error-topical-only-with-systemic-treatment = 列出系统治疗时，“仅外用治疗”不能为“是”。
error-date-of-birth-after-diagnosis = 出生日期不得晚于COVID-19诊断日期。
error-age-from-date-of-birth = 根据出生日期计算的诊断时年龄必须介于 { $min } 和 { $max } 之间。
error-age-inconsistent = 年龄与出生日期和诊断日期不符。
error-bmi-out-of-range = 根据身高和体重计算的BMI不在 { $min } 至 { $max } 范围内；请核对两项数据。
error-bmi-inconsistent = BMI与身高和体重不符。
error-date-from-diagnosis = 此日期必须在COVID-19诊断前 { $before } 天至诊断后 { $after } 天之间。
error-day-inconsistent = 天数与同一事件所填写的日期不符。

## The de-identification report

# 去标识化无法读取的文字或语言的自由文本不予保存。
free-text-unreadable = 此文本未被保存：其大部分内容所用的文字或语言，去标识化程序无法检查其中的姓名及其他身份识别信息。请用英文或登记库可读取的其他语言填写。
