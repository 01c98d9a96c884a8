# Problemsvar (RFC 9457). $field og $other er feltnavn (allerede oversatt), $values en liste med koder,
# $condition en av condition-*-setningene nedenfor.

## Problemer: tittel, og `.detail` setningen under

problem-bad-request = Ugyldig forespørsel
    .detail = Forespørselen kunne ikke leses.
problem-unauthorized = Ikke autorisert
    .detail = Det kreves et bearer-token.
problem-invalid-token = Ikke autorisert
    .detail = Tokenet er ikke gyldig: feil signatur, algoritme, utsteder eller målgruppe, eller utløpt.
problem-token-revoked = Ikke autorisert
    .detail = Tokenet er tilbakekalt.
problem-bad-credentials = Ikke autorisert
    .detail = Brukernavnet eller passordet er feil.
problem-forbidden = Ingen tilgang
    .detail = Dette tokenet gir ikke tillatelse til det.
problem-too-many-attempts = For mange forespørsler
    .detail = For mange mislykkede innlogginger; prøv igjen senere.
problem-not-found = Ikke funnet
    .detail = Det finnes ingenting på denne adressen.
problem-method-not-allowed = Metoden er ikke tillatt
    .detail = Denne adressen godtar ikke den metoden; se Allow.
problem-not-acceptable = Ikke akseptabelt
    .detail = Det forespurte formatet er ikke tilgjengelig her.
problem-conflict = Konflikt
    .detail = Ressursen ble endret av en annen forespørsel; prøv igjen.
problem-precondition-required = Forutsetning kreves
    .detail = Send If-Match med tilfellets gjeldende ETag for å endre det.
problem-precondition-failed = Forutsetningen er ikke oppfylt
    .detail = Tilfellet er endret siden du leste det; les det på nytt og prøv igjen.
problem-payload-too-large = Innholdet er for stort
    .detail = Innholdet er større enn dette endepunktet godtar.
problem-unsupported-media-type = Medietypen støttes ikke
    .detail = Send innholdet som application/json.
problem-validation = Skjemaet har feil
    .detail = { $count ->
        [one] 1 feil i skjemaet; se errors.
       *[other] { $count } feil i skjemaet; se errors.
    }
problem-rate-limited = For mange forespørsler
    .detail = Dette tokenet har sendt for mange forespørsler; senk tempoet.
problem-unavailable = Tjenesten er utilgjengelig
    .detail = Databasen er opptatt eller kan ikke nås; prøv igjen om litt.
problem-internal = Intern feil
    .detail = Tjenesten klarte ikke å svare; korrelasjons-ID-en står i loggen.
problem-error = Feil
    .detail = Forespørselen mislyktes.

## Feil i et skjema

error-not-object = Tilfellet må være et JSON-objekt.
error-unknown-field = Dette feltet er ikke en del av skjemaet; se skjemadefinisjonen.
error-required = «{ $field }» må fylles ut.
error-empty = «{ $field }» kan ikke være tomt.
error-required-unless = «{ $field }» må fylles ut med mindre «{ $other }» er oppgitt.
error-required-when = «{ $field }» må fylles ut når { $condition }.
error-only-when = «{ $field }» brukes bare når { $condition }.
condition-is-true = «{ $field }» er ja
condition-is-given = «{ $field }» er oppgitt
condition-equals = «{ $field }» er «{ $value }»
error-one-of = «{ $field }» må være en av: { $values }.
error-drug = «{ $field }» må være et av legemidlene i skjemadefinisjonen.
error-list-of-values = «{ $field }» må være en liste med verdier.
error-each-one-of = Hver verdi i «{ $field }» må være en av: { $values }.
error-same-value-twice = «{ $field }» inneholder samme verdi to ganger.
error-must-be-alone = I «{ $field }» kan «{ $value }» ikke kombineres med en annen verdi.
error-whole-number = «{ $field }» må være et heltall.
error-between = «{ $field }» må være mellom { $min } og { $max }.
error-number = «{ $field }» må være et tall.
error-decimals = { $decimals ->
    [one] «{ $field }» kan ha høyst 1 desimal.
   *[other] «{ $field }» kan ha høyst { $decimals } desimaler.
}
error-true-or-false = «{ $field }» må være true eller false.
error-country-code = «{ $field }» må være en landkode etter ISO 3166-1 alpha-2.
error-country-value = «{ $field }» må være en landkode etter ISO 3166-1 alpha-2 med store bokstaver, for eksempel NO eller BR.
error-date = «{ $field }» må være en dato skrevet ÅÅÅÅ-MM-DD.
error-date-range = «{ $field }» må være en dato etter 1880 og ikke i fremtiden.
error-diagnosis-date = «{ $field }» må skrives ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM.
error-diagnosis-date-range = «{ $field }» må være fra november 2019 eller senere og ikke i fremtiden.
error-text = «{ $field }» må være tekst.
error-too-long = «{ $field }» kan ha høyst { $max } tegn.
error-object = «{ $field }» må være et objekt (en gruppe felt).
error-list = «{ $field }» må være en liste.
error-too-many-items = «{ $field }» kan ha høyst { $max } oppføringer.
error-too-few-items = «{ $field }» må ha minst { $min } oppføringer.
error-each-entry-object = Hver oppføring i «{ $field }» må være et objekt.

## Regler på tvers av felt, og det registeret utleder

error-icu-requires-hospitalised = Innleggelse på intensivavdeling kan bare registreres for en pasient som var innlagt på sykehus.
error-ventilation-requires-hospitalised = Invasiv ventilasjon kan bare registreres for en pasient som var innlagt på sykehus.
error-died-status-must-be-died = Utfallsstatus må være «Død» når pasienten døde.
error-died-status-only-if-died = Utfallsstatus kan bare være «Død» når «Død» er ja.
error-duplicate-drug = Hvert legemiddel kan bare oppgis én gang blant behandlingene.
error-age-top-coded-requires-90 = «Alder toppkodet» kan bare settes sammen med alderen 90.
error-topical-only-with-systemic-treatment = «Kun topikal behandling» kan ikke være ja når en systemisk behandling er oppgitt.
error-date-of-birth-after-diagnosis = Fødselsdatoen kan ikke være senere enn datoen for covid-19-diagnosen.
error-age-from-date-of-birth = Alderen ved diagnosen, beregnet ut fra fødselsdatoen, må være mellom { $min } og { $max }.
error-age-inconsistent = Alderen stemmer ikke med fødselsdatoen og diagnosedatoen.
error-bmi-out-of-range = Høyde og vekt gir en KMI utenfor { $min } til { $max }; kontroller begge.
error-bmi-inconsistent = KMI stemmer ikke med høyden og vekten.
error-date-from-diagnosis = Denne datoen må ligge mellom { $before } dager før og { $after } dager etter covid-19-diagnosen.
error-day-inconsistent = Dagen stemmer ikke med datoen som er oppgitt for den samme hendelsen.

## Avidentifiseringsrapporten

free-text-unreadable = Denne teksten ble ikke lagret: den er for det meste skrevet i et skriftsystem eller språk som avidentifiseringen ikke kan kontrollere for navn og andre identifiserende opplysninger. Skriv den på engelsk eller et annet språk som registeret leser.
