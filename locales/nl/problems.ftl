# Probleemantwoorden (RFC 9457). $field en $other zijn veldnamen (al vertaald), $values een lijst codes,
# $condition een van de condition-*-zinnen hieronder (bijzin na “als”, werkwoord achteraan).

## Problemen: de titel, en `.detail` de zin eronder

problem-bad-request = Ongeldig verzoek
    .detail = Het verzoek kon niet worden gelezen.
problem-unauthorized = Niet geautoriseerd
    .detail = Er is een bearer-token vereist.
problem-invalid-token = Niet geautoriseerd
    .detail = Het token is niet geldig: verkeerde handtekening, algoritme, uitgever of doelgroep, of verlopen.
problem-token-revoked = Niet geautoriseerd
    .detail = Het token is ingetrokken.
problem-bad-credentials = Niet geautoriseerd
    .detail = De gebruikersnaam of het wachtwoord is onjuist.
problem-forbidden = Verboden
    .detail = Dit token staat dat niet toe.
problem-too-many-attempts = Te veel verzoeken
    .detail = Te veel mislukte aanmeldpogingen; probeer het later opnieuw.
problem-not-found = Niet gevonden
    .detail = Op dit adres is niets te vinden.
problem-method-not-allowed = Methode niet toegestaan
    .detail = Dit adres accepteert die methode niet; zie Allow.
problem-not-acceptable = Niet aanvaardbaar
    .detail = Het gevraagde formaat is hier niet beschikbaar.
problem-conflict = Conflict
    .detail = De bron is door een ander verzoek gewijzigd; probeer het opnieuw.
problem-precondition-required = Voorwaarde vereist
    .detail = Stuur If-Match met de huidige ETag van de casus om die te wijzigen.
problem-precondition-failed = Voorwaarde niet vervuld
    .detail = De casus is gewijzigd sinds u die hebt gelezen; lees hem opnieuw en probeer het nog eens.
problem-payload-too-large = Inhoud te groot
    .detail = De inhoud is groter dan dit endpoint accepteert.
problem-unsupported-media-type = Mediatype niet ondersteund
    .detail = Stuur de inhoud als application/json.
problem-validation = Het formulier bevat fouten
    .detail = { $count ->
        [one] 1 fout in het formulier; zie errors.
       *[other] { $count } fouten in het formulier; zie errors.
    }
problem-rate-limited = Te veel verzoeken
    .detail = Dit token heeft te veel verzoeken gedaan; vertraag het tempo.
problem-unavailable = Dienst niet beschikbaar
    .detail = De database is bezet of onbereikbaar; probeer het zo dadelijk opnieuw.
problem-internal = Interne fout
    .detail = De dienst kon geen antwoord geven; de correlatie-id staat in het logboek.
problem-error = Fout
    .detail = Het verzoek is mislukt.

## Fouten in een formulier

error-not-object = De casus moet een JSON-object zijn.
error-unknown-field = Dit veld hoort niet bij het formulier; zie de formulierdefinitie.
error-required = “{ $field }” is verplicht.
error-empty = “{ $field }” mag niet leeg zijn.
error-required-unless = “{ $field }” is verplicht, tenzij “{ $other }” is opgegeven.
error-required-when = “{ $field }” is verplicht als { $condition }.
error-only-when = “{ $field }” wordt alleen gebruikt als { $condition }.
condition-is-true = “{ $field }” ja is
condition-is-given = “{ $field }” is opgegeven
condition-equals = “{ $field }” de waarde “{ $value }” heeft
error-one-of = “{ $field }” moet een van de volgende zijn: { $values }.
error-drug = “{ $field }” moet een van de geneesmiddelen uit de formulierdefinitie zijn.
error-list-of-values = “{ $field }” moet een lijst van waarden zijn.
error-each-one-of = Elke waarde van “{ $field }” moet een van de volgende zijn: { $values }.
error-same-value-twice = “{ $field }” bevat dezelfde waarde twee keer.
error-must-be-alone = In “{ $field }” kan “{ $value }” niet worden gecombineerd met een andere waarde.
error-whole-number = “{ $field }” moet een geheel getal zijn.
error-between = “{ $field }” moet tussen { $min } en { $max } liggen.
error-number = “{ $field }” moet een getal zijn.
error-decimals = { $decimals ->
    [one] “{ $field }” mag hoogstens 1 decimaal hebben.
   *[other] “{ $field }” mag hoogstens { $decimals } decimalen hebben.
}
error-true-or-false = “{ $field }” moet true of false zijn.
error-country-code = “{ $field }” moet een landcode volgens ISO 3166-1 alpha-2 zijn.
error-country-value = “{ $field }” moet een landcode volgens ISO 3166-1 alpha-2 in hoofdletters zijn, zoals NL of BR.
error-date = “{ $field }” moet een datum zijn in de vorm JJJJ-MM-DD.
error-date-range = “{ $field }” moet een datum na 1880 zijn en niet in de toekomst liggen.
error-diagnosis-date = “{ $field }” moet worden geschreven als JJJJ-MM-DD of JJJJ-MM.
error-diagnosis-date-range = “{ $field }” moet vanaf november 2019 zijn en niet in de toekomst liggen.
error-text = “{ $field }” moet tekst zijn.
error-too-long = “{ $field }” mag hoogstens { $max } tekens lang zijn.
error-object = “{ $field }” moet een object zijn (een groep velden).
error-list = “{ $field }” moet een lijst zijn.
error-too-many-items = “{ $field }” mag hoogstens { $max } items bevatten.
error-too-few-items = “{ $field }” moet ten minste { $min } items bevatten.
error-each-entry-object = Elk item van “{ $field }” moet een object zijn.

## Regels over meerdere velden en wat het register afleidt

error-icu-requires-hospitalised = Een IC-opname kan alleen worden geregistreerd bij een patiënt die in het ziekenhuis was opgenomen.
error-ventilation-requires-hospitalised = Invasieve beademing kan alleen worden geregistreerd bij een patiënt die in het ziekenhuis was opgenomen.
error-died-status-must-be-died = De uitkomststatus moet “Overleden” zijn als de patiënt is overleden.
error-died-status-only-if-died = De uitkomststatus kan alleen “Overleden” zijn als “Overleden” ja is.
error-duplicate-drug = Elk geneesmiddel mag maar één keer bij de behandelingen worden vermeld.
error-age-top-coded-requires-90 = “Leeftijd afgetopt” kan alleen worden ingesteld samen met een leeftijd van 90.
error-topical-only-with-systemic-treatment = “Alleen lokale behandeling” kan niet ja zijn als er een systemische behandeling is vermeld.
error-date-of-birth-after-diagnosis = De geboortedatum mag niet na de datum van de diagnose COVID-19 liggen.
error-age-from-date-of-birth = De leeftijd bij diagnose volgens de geboortedatum moet tussen { $min } en { $max } liggen.
error-age-inconsistent = De leeftijd komt niet overeen met de geboortedatum en de diagnosedatum.
error-bmi-out-of-range = Lengte en gewicht geven een BMI buiten { $min } tot { $max }; controleer beide.
error-bmi-inconsistent = De BMI komt niet overeen met de lengte en het gewicht.
error-date-from-diagnosis = Deze datum moet tussen { $before } dagen vóór en { $after } dagen na de diagnose COVID-19 liggen.
error-day-inconsistent = De dag komt niet overeen met de datum die voor dezelfde gebeurtenis is opgegeven.

## Het de-identificatierapport

free-text-unreadable = Deze tekst is niet opgeslagen: hij is grotendeels geschreven in een schrift of taal waarin de de-identificatie niet op namen en andere identificerende gegevens kan controleren. Schrijf hem in het Engels of in een andere taal die het register leest.
