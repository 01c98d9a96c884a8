# Problemantworten (RFC 9457). $field und $other sind Feldbezeichnungen (bereits übersetzt), $values eine Liste
# von Codes, $condition einer der condition-*-Sätze unten (Nebensatz nach „wenn“, Verb am Ende).

## Probleme: der Titel, und `.detail` der Satz darunter

problem-bad-request = Ungültige Anfrage
    .detail = Die Anfrage konnte nicht gelesen werden.
problem-unauthorized = Nicht autorisiert
    .detail = Ein Bearer-Token ist erforderlich.
problem-invalid-token = Nicht autorisiert
    .detail = Das Token ist ungültig: falsche Signatur, falscher Algorithmus, Aussteller oder Empfänger, oder abgelaufen.
problem-token-revoked = Nicht autorisiert
    .detail = Das Token wurde widerrufen.
problem-bad-credentials = Nicht autorisiert
    .detail = Benutzername oder Passwort ist falsch.
problem-forbidden = Verboten
    .detail = Dieses Token erlaubt das nicht.
problem-too-many-attempts = Zu viele Anfragen
    .detail = Zu viele fehlgeschlagene Anmeldungen; versuchen Sie es später erneut.
problem-not-found = Nicht gefunden
    .detail = Unter dieser Adresse gibt es nichts.
problem-method-not-allowed = Methode nicht erlaubt
    .detail = Diese Adresse akzeptiert diese Methode nicht; siehe Allow.
problem-not-acceptable = Nicht annehmbar
    .detail = Das angeforderte Format ist hier nicht verfügbar.
problem-conflict = Konflikt
    .detail = Die Ressource wurde durch eine andere Anfrage geändert; bitte erneut versuchen.
problem-precondition-required = Vorbedingung erforderlich
    .detail = Senden Sie If-Match mit dem aktuellen ETag des Falls, um ihn zu ändern.
problem-precondition-failed = Vorbedingung fehlgeschlagen
    .detail = Der Fall wurde geändert, seit Sie ihn gelesen haben; lesen Sie ihn erneut und versuchen Sie es noch einmal.
problem-payload-too-large = Inhalt zu groß
    .detail = Der Inhalt ist größer, als dieser Endpunkt annimmt.
problem-unsupported-media-type = Nicht unterstützter Medientyp
    .detail = Senden Sie den Inhalt als application/json.
problem-validation = Das Formular enthält Fehler
    .detail = { $count ->
        [one] 1 Fehler im Formular; siehe errors.
       *[other] { $count } Fehler im Formular; siehe errors.
    }
problem-rate-limited = Zu viele Anfragen
    .detail = Dieses Token hat zu viele Anfragen gestellt; bitte langsamer.
problem-unavailable = Dienst nicht verfügbar
    .detail = Die Datenbank ist ausgelastet oder nicht erreichbar; versuchen Sie es gleich erneut.
problem-internal = Interner Fehler
    .detail = Der Dienst konnte nicht antworten; die Korrelations-ID steht in seinem Protokoll.
problem-error = Fehler
    .detail = Die Anfrage ist fehlgeschlagen.

## Fehler in einem Formular

error-not-object = Der Fall muss ein JSON-Objekt sein.
error-unknown-field = Dieses Feld gehört nicht zum Formular; siehe die Formulardefinition.
error-required = „{ $field }“ ist eine Pflichtangabe.
error-empty = „{ $field }“ darf nicht leer sein.
error-required-unless = „{ $field }“ ist eine Pflichtangabe, sofern „{ $other }“ nicht angegeben ist.
error-required-when = „{ $field }“ ist eine Pflichtangabe, wenn { $condition }.
error-only-when = „{ $field }“ wird nur verwendet, wenn { $condition }.
condition-is-true = „{ $field }“ mit Ja beantwortet ist
condition-is-given = „{ $field }“ angegeben ist
condition-equals = „{ $field }“ den Wert „{ $value }“ hat
error-one-of = „{ $field }“ muss einer der folgenden Werte sein: { $values }.
error-drug = „{ $field }“ muss einer der Wirkstoffe der Formulardefinition sein.
error-list-of-values = „{ $field }“ muss eine Liste von Werten sein.
error-each-one-of = Jeder Wert von „{ $field }“ muss einer der folgenden sein: { $values }.
error-same-value-twice = „{ $field }“ enthält denselben Wert zweimal.
error-must-be-alone = In „{ $field }“ kann „{ $value }“ nicht mit einem anderen Wert kombiniert werden.
error-whole-number = „{ $field }“ muss eine ganze Zahl sein.
error-between = „{ $field }“ muss zwischen { $min } und { $max } liegen.
error-number = „{ $field }“ muss eine Zahl sein.
error-decimals = { $decimals ->
    [one] „{ $field }“ darf höchstens 1 Dezimalstelle haben.
   *[other] „{ $field }“ darf höchstens { $decimals } Dezimalstellen haben.
}
error-true-or-false = „{ $field }“ muss true oder false sein.
error-country-code = „{ $field }“ muss ein Ländercode nach ISO 3166-1 alpha-2 sein.
error-country-value = „{ $field }“ muss ein Ländercode nach ISO 3166-1 alpha-2 in Großbuchstaben sein, etwa DE oder BR.
error-date = „{ $field }“ muss ein Datum im Format JJJJ-MM-TT sein.
error-date-range = „{ $field }“ muss ein Datum nach 1880 sein und darf nicht in der Zukunft liegen.
error-diagnosis-date = „{ $field }“ muss im Format JJJJ-MM-TT oder JJJJ-MM angegeben werden.
error-diagnosis-date-range = „{ $field }“ muss ab November 2019 liegen und darf nicht in der Zukunft liegen.
error-text = „{ $field }“ muss Text sein.
error-too-long = „{ $field }“ darf höchstens { $max } Zeichen lang sein.
error-object = „{ $field }“ muss ein Objekt (eine Gruppe von Feldern) sein.
error-list = „{ $field }“ muss eine Liste sein.
error-too-many-items = „{ $field }“ darf höchstens { $max } Einträge haben.
error-too-few-items = „{ $field }“ braucht mindestens { $min } Einträge.
error-each-entry-object = Jeder Eintrag von „{ $field }“ muss ein Objekt sein.

## Feldübergreifende Regeln und was das Register ableitet

error-icu-requires-hospitalised = Eine Aufnahme auf die Intensivstation kann nur bei einem hospitalisierten Patienten erfasst werden.
error-ventilation-requires-hospitalised = Eine invasive Beatmung kann nur bei einem hospitalisierten Patienten erfasst werden.
error-died-status-must-be-died = Der Ausgangsstatus muss „Verstorben“ sein, wenn der Patient verstorben ist.
error-died-status-only-if-died = Der Ausgangsstatus kann nur „Verstorben“ sein, wenn „Verstorben“ Ja ist.
error-duplicate-drug = Jeder Wirkstoff darf unter den Therapien nur einmal angegeben werden.
error-age-top-coded-requires-90 = „Alter nach oben begrenzt“ kann nur zusammen mit einem Alter von 90 gesetzt werden.
error-topical-only-with-systemic-treatment = „Ausschließlich topische Therapie“ kann nicht Ja sein, wenn eine Systemtherapie angegeben ist.
error-date-of-birth-after-diagnosis = Das Geburtsdatum darf nicht nach dem Datum der COVID-19-Diagnose liegen.
error-age-from-date-of-birth = Das aus dem Geburtsdatum berechnete Alter bei Diagnose muss zwischen { $min } und { $max } liegen.
error-age-inconsistent = Das Alter stimmt nicht mit dem Geburtsdatum und dem Diagnosedatum überein.
error-bmi-out-of-range = Körpergröße und Gewicht ergeben einen BMI außerhalb von { $min } bis { $max }; bitte prüfen Sie beide Angaben.
error-bmi-inconsistent = Der BMI stimmt nicht mit Körpergröße und Gewicht überein.
error-date-from-diagnosis = Dieses Datum muss zwischen { $before } Tagen vor und { $after } Tagen nach der COVID-19-Diagnose liegen.
error-day-inconsistent = Der Tag stimmt nicht mit dem Datum überein, das für dasselbe Ereignis angegeben wurde.

## Der De-Identifizierungsbericht

free-text-unreadable = Dieser Text wurde nicht gespeichert: Er ist überwiegend in einer Schrift oder Sprache verfasst, in der die De-Identifizierung nicht nach Namen und anderen identifizierenden Angaben suchen kann. Bitte schreiben Sie ihn auf Englisch oder in einer anderen Sprache, die das Register liest.
