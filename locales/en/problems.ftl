# Problem responses (RFC 9457): a title per kind of problem and its detail. Pointers and codes never change.
# Placeables: $field and $other are field labels (already translated), $values a list of codes,
# $min, $max, $count and $decimals numbers, $condition one of the condition-* sentences below.

## Problems: the title, and `.detail` the sentence under it

problem-bad-request = Bad request
    .detail = The request could not be read.
problem-unauthorized = Unauthorized
    .detail = A bearer token is required.
problem-invalid-token = Unauthorized
    .detail = The token is not valid: wrong signature, algorithm, issuer or audience, or expired.
problem-token-revoked = Unauthorized
    .detail = The token has been revoked.
problem-bad-credentials = Unauthorized
    .detail = The username or password is wrong.
problem-forbidden = Forbidden
    .detail = This token does not allow that.
problem-too-many-attempts = Too many requests
    .detail = Too many failed logins; try again later.
problem-not-found = Not found
    .detail = There is nothing at this address.
problem-method-not-allowed = Method not allowed
    .detail = This address does not accept that method; see Allow.
problem-not-acceptable = Not acceptable
    .detail = The requested format is not available here.
problem-conflict = Conflict
    .detail = The resource was changed by another request; retry.
problem-precondition-required = Precondition required
    .detail = Send If-Match with the case's current ETag to change it.
problem-precondition-failed = Precondition failed
    .detail = The case has changed since you read it; read it again and retry.
problem-payload-too-large = Payload too large
    .detail = The body is larger than this endpoint accepts.
problem-unsupported-media-type = Unsupported media type
    .detail = Send the body as application/json.
problem-validation = The form has problems
    .detail = { $count ->
        [one] 1 problem with the form; see errors.
       *[other] { $count } problems with the form; see errors.
    }
problem-rate-limited = Too many requests
    .detail = This token has made too many requests; slow down.
problem-unavailable = Service unavailable
    .detail = The database is busy or unreachable; retry shortly.
problem-internal = Internal error
    .detail = The service failed to answer; the correlation id is in its log.
problem-error = Error
    .detail = The request failed.

## Problems with a form: each error's detail

error-not-object = The case must be a JSON object.
error-unknown-field = This field is not part of the form; see the form definition.
error-required = "{ $field }" is required.
error-empty = "{ $field }" must not be empty.
error-required-unless = "{ $field }" is required unless "{ $other }" is given.
error-required-when = "{ $field }" is required when { $condition }.
error-only-when = "{ $field }" is only used when { $condition }.
condition-is-true = "{ $field }" is yes
condition-is-given = "{ $field }" is given
condition-equals = "{ $field }" is "{ $value }"
error-one-of = "{ $field }" must be one of: { $values }.
error-drug = "{ $field }" must be one of the drugs of the form definition.
error-list-of-values = "{ $field }" must be a list of values.
error-each-one-of = Each value of "{ $field }" must be one of: { $values }.
error-same-value-twice = "{ $field }" lists the same value twice.
error-must-be-alone = In "{ $field }", "{ $value }" cannot be combined with another value.
error-whole-number = "{ $field }" must be a whole number.
error-between = "{ $field }" must be between { $min } and { $max }.
error-number = "{ $field }" must be a number.
error-decimals = { $decimals ->
    [one] "{ $field }" must have at most 1 decimal.
   *[other] "{ $field }" must have at most { $decimals } decimals.
}
error-true-or-false = "{ $field }" must be true or false.
error-country-code = "{ $field }" must be an ISO 3166-1 alpha-2 country code.
error-country-value = "{ $field }" must be an ISO 3166-1 alpha-2 country code in capitals, such as NO or BR.
error-date = "{ $field }" must be a date written YYYY-MM-DD.
error-date-range = "{ $field }" must be a date after 1880 and not in the future.
error-diagnosis-date = "{ $field }" must be written YYYY-MM-DD or YYYY-MM.
error-diagnosis-date-range = "{ $field }" must be from November 2019 onwards and not in the future.
error-text = "{ $field }" must be text.
error-too-long = "{ $field }" must be at most { $max } characters long.
error-object = "{ $field }" must be an object (a group of fields).
error-list = "{ $field }" must be a list.
error-too-many-items = "{ $field }" can have at most { $max } entries.
error-too-few-items = "{ $field }" needs at least { $min } entries.
error-each-entry-object = Each entry of "{ $field }" must be an object.

## Cross-field rules and what the registry derives

error-icu-requires-hospitalised = Intensive care admission can only be recorded for a patient who was hospitalised.
error-ventilation-requires-hospitalised = Invasive ventilation can only be recorded for a patient who was hospitalised.
error-died-status-must-be-died = The outcome status must be "Died" when the patient died.
error-died-status-only-if-died = The outcome status can only be "Died" when "Died" is yes.
error-duplicate-drug = Each drug can be listed only once among the treatments.
error-age-top-coded-requires-90 = "Age top-coded" can only be set together with an age of 90.
error-topical-only-with-systemic-treatment = "Topical treatment only" cannot be yes when a systemic treatment is listed.
error-date-of-birth-after-diagnosis = The date of birth must not be after the COVID-19 diagnosis date.
error-age-from-date-of-birth = The age at diagnosis given by the date of birth must be between { $min } and { $max }.
error-age-inconsistent = The age does not agree with the date of birth and the diagnosis date.
error-bmi-out-of-range = Height and weight give a BMI outside { $min } to { $max }; please check both.
error-bmi-inconsistent = The BMI does not agree with the height and weight.
error-date-from-diagnosis = This date must be between { $before } days before and { $after } days after the COVID-19 diagnosis.
error-day-inconsistent = The day does not agree with the date given for the same event.

## The de-identification report

# A free-text field written mostly in a script or language no scrubber pack reads is not stored.
free-text-unreadable = This text was not stored: it is mostly in a script or language the de-identification cannot check for names and other identifying details. Please write it in English or another language the registry reads.
