# Probleemantwoorde (RFC 9457). $field en $other is veldname (reeds vertaal), $values 'n lys kodes,
# $condition een van die condition-*-sinne hieronder (bysin ná “wanneer”, werkwoord aan die einde).

## Probleme: die titel, en `.detail` die sin daaronder

problem-bad-request = Ongeldige versoek
    .detail = Die versoek kon nie gelees word nie.
problem-unauthorized = Ongemagtig
    .detail = 'n Bearer-token word vereis.
problem-invalid-token = Ongemagtig
    .detail = Die token is nie geldig nie: verkeerde handtekening, algoritme, uitreiker of gehoor, of die token het verval.
problem-token-revoked = Ongemagtig
    .detail = Die token is herroep.
problem-bad-credentials = Ongemagtig
    .detail = Die gebruikersnaam of wagwoord is verkeerd.
problem-forbidden = Verbode
    .detail = Hierdie token laat dit nie toe nie.
problem-too-many-attempts = Te veel versoeke
    .detail = Te veel mislukte aanmeldpogings; probeer later weer.
problem-not-found = Nie gevind nie
    .detail = Daar is niks by hierdie adres nie.
problem-method-not-allowed = Metode nie toegelaat nie
    .detail = Hierdie adres aanvaar nie daardie metode nie; sien Allow.
problem-not-acceptable = Nie aanvaarbaar nie
    .detail = Die gevraagde formaat is nie hier beskikbaar nie.
problem-conflict = Konflik
    .detail = Die hulpbron is deur 'n ander versoek verander; probeer weer.
problem-precondition-required = Voorwaarde vereis
    .detail = Stuur If-Match met die geval se huidige ETag om dit te verander.
problem-precondition-failed = Voorwaarde nie nagekom nie
    .detail = Die geval het verander sedert u dit gelees het; lees dit weer en probeer weer.
problem-payload-too-large = Inhoud te groot
    .detail = Die inhoud is groter as wat hierdie eindpunt aanvaar.
problem-unsupported-media-type = Mediatipe word nie ondersteun nie
    .detail = Stuur die inhoud as application/json.
problem-validation = Die vorm het probleme
    .detail = { $count ->
        [one] 1 probleem met die vorm; sien errors.
       *[other] { $count } probleme met die vorm; sien errors.
    }
problem-rate-limited = Te veel versoeke
    .detail = Hierdie token het te veel versoeke gerig; stadiger asseblief.
problem-unavailable = Diens nie beskikbaar nie
    .detail = Die databasis is besig of onbereikbaar; probeer binnekort weer.
problem-internal = Interne fout
    .detail = Die diens kon nie antwoord nie; die korrelasie-ID is in sy log.
problem-error = Fout
    .detail = Die versoek het misluk.

## Probleme met 'n vorm

error-not-object = Die geval moet 'n JSON-objek wees.
error-unknown-field = Hierdie veld is nie deel van die vorm nie; sien die vormdefinisie.
error-required = “{ $field }” is verpligtend.
error-empty = “{ $field }” mag nie leeg wees nie.
error-required-unless = “{ $field }” is verpligtend tensy “{ $other }” gegee is.
error-required-when = “{ $field }” is verpligtend wanneer { $condition }.
error-only-when = “{ $field }” word slegs gebruik wanneer { $condition }.
condition-is-true = “{ $field }” ja is
condition-is-given = “{ $field }” gegee is
condition-equals = “{ $field }” die waarde “{ $value }” het
error-one-of = “{ $field }” moet een van die volgende wees: { $values }.
error-drug = “{ $field }” moet een van die geneesmiddels in die vormdefinisie wees.
error-list-of-values = “{ $field }” moet 'n lys waardes wees.
error-each-one-of = Elke waarde van “{ $field }” moet een van die volgende wees: { $values }.
error-same-value-twice = “{ $field }” bevat dieselfde waarde twee keer.
error-must-be-alone = In “{ $field }” kan “{ $value }” nie met 'n ander waarde gekombineer word nie.
error-whole-number = “{ $field }” moet 'n heelgetal wees.
error-between = “{ $field }” moet tussen { $min } en { $max } wees.
error-number = “{ $field }” moet 'n getal wees.
error-decimals = { $decimals ->
    [one] “{ $field }” mag hoogstens 1 desimaal hê.
   *[other] “{ $field }” mag hoogstens { $decimals } desimale hê.
}
error-true-or-false = “{ $field }” moet true of false wees.
error-country-code = “{ $field }” moet 'n ISO 3166-1 alpha-2-landkode wees.
error-country-value = “{ $field }” moet 'n ISO 3166-1 alpha-2-landkode in hoofletters wees, soos ZA of BR.
error-date = “{ $field }” moet 'n datum wees, geskryf as JJJJ-MM-DD.
error-date-range = “{ $field }” moet 'n datum ná 1880 wees en nie in die toekoms nie.
error-diagnosis-date = “{ $field }” moet as JJJJ-MM-DD of JJJJ-MM geskryf word.
error-diagnosis-date-range = “{ $field }” moet vanaf November 2019 wees en nie in die toekoms nie.
error-text = “{ $field }” moet teks wees.
error-too-long = “{ $field }” mag hoogstens { $max } karakters lank wees.
error-object = “{ $field }” moet 'n objek wees ('n groep velde).
error-list = “{ $field }” moet 'n lys wees.
error-too-many-items = “{ $field }” kan hoogstens { $max } inskrywings hê.
error-too-few-items = “{ $field }” het minstens { $min } inskrywings nodig.
error-each-entry-object = Elke inskrywing van “{ $field }” moet 'n objek wees.

## Reëls oor velde heen, en wat die register aflei

error-icu-requires-hospitalised = Opname in intensiewe sorg kan slegs aangeteken word vir 'n pasiënt wat in die hospitaal opgeneem is.
error-ventilation-requires-hospitalised = Indringende ventilasie kan slegs aangeteken word vir 'n pasiënt wat in die hospitaal opgeneem is.
error-died-status-must-be-died = Die uitkomsstatus moet “Oorlede” wees wanneer die pasiënt oorlede is.
error-died-status-only-if-died = Die uitkomsstatus kan slegs “Oorlede” wees wanneer “Oorlede” ja is.
error-duplicate-drug = Elke geneesmiddel kan slegs een keer onder die behandelings gelys word.
error-age-top-coded-requires-90 = “Ouderdom afgetop” kan slegs saam met 'n ouderdom van 90 gestel word.
error-topical-only-with-systemic-treatment = “Slegs topikale behandeling” kan nie ja wees wanneer 'n sistemiese behandeling gelys is nie.
error-date-of-birth-after-diagnosis = Die geboortedatum mag nie ná die datum van die COVID-19-diagnose wees nie.
error-age-from-date-of-birth = Die ouderdom by diagnose volgens die geboortedatum moet tussen { $min } en { $max } wees.
error-age-inconsistent = Die ouderdom stem nie ooreen met die geboortedatum en die diagnosedatum nie.
error-bmi-out-of-range = Lengte en massa gee 'n LMI buite { $min } tot { $max }; kontroleer asseblief albei.
error-bmi-inconsistent = Die LMI stem nie ooreen met die lengte en massa nie.
error-date-from-diagnosis = Hierdie datum moet tussen { $before } dae voor en { $after } dae ná die COVID-19-diagnose wees.
error-day-inconsistent = Die dag stem nie ooreen met die datum wat vir dieselfde gebeurtenis gegee is nie.

## Die de-identifiseringsverslag

free-text-unreadable = Hierdie teks is nie gestoor nie: dit is meestal in 'n skrif of taal waarin die de-identifisering nie vir name en ander identifiserende besonderhede kan kontroleer nie. Skryf dit asseblief in Engels of 'n ander taal wat die register lees.
