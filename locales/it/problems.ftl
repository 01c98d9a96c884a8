# Risposte di errore (RFC 9457). $field e $other sono etichette di campo già tradotte.

## Problemi: il titolo, e `.detail` la frase che lo segue

problem-bad-request = Richiesta non valida
    .detail = Non è stato possibile leggere la richiesta.
problem-unauthorized = Non autorizzato
    .detail = È richiesto un token di accesso (bearer).
problem-invalid-token = Non autorizzato
    .detail = Il token non è valido: firma, algoritmo, emittente o destinatario errati, oppure token scaduto.
problem-token-revoked = Non autorizzato
    .detail = Il token è stato revocato.
problem-bad-credentials = Non autorizzato
    .detail = Il nome utente o la password sono errati.
problem-forbidden = Accesso negato
    .detail = Questo token non consente questa operazione.
problem-too-many-attempts = Troppe richieste
    .detail = Troppi accessi non riusciti; riprovare più tardi.
problem-not-found = Non trovato
    .detail = Non c'è nulla a questo indirizzo.
problem-method-not-allowed = Metodo non consentito
    .detail = Questo indirizzo non accetta questo metodo; vedere Allow.
problem-not-acceptable = Non accettabile
    .detail = Il formato richiesto non è disponibile qui.
problem-conflict = Conflitto
    .detail = La risorsa è stata modificata da un'altra richiesta; riprovare.
problem-precondition-required = Precondizione richiesta
    .detail = Per modificare il caso, inviare If-Match con il suo ETag attuale.
problem-precondition-failed = Precondizione non soddisfatta
    .detail = Il caso è cambiato da quando è stato letto; rileggerlo e riprovare.
problem-payload-too-large = Contenuto troppo grande
    .detail = Il corpo supera la dimensione accettata da questo endpoint.
problem-unsupported-media-type = Tipo di contenuto non supportato
    .detail = Inviare il corpo come application/json.
problem-validation = Il modulo contiene errori
    .detail = { $count ->
        [one] { $count } errore nel modulo; vedere errors.
        [many] { $count } errori nel modulo; vedere errors.
       *[other] { $count } errori nel modulo; vedere errors.
    }
problem-rate-limited = Troppe richieste
    .detail = Questo token ha inviato troppe richieste; rallentare.
problem-unavailable = Servizio non disponibile
    .detail = Il database è occupato o non raggiungibile; riprovare tra poco.
problem-internal = Errore interno
    .detail = Il servizio non è riuscito a rispondere; l'identificativo di correlazione è nel suo log.
problem-error = Errore
    .detail = La richiesta non è riuscita.

## Errori di un modulo: il dettaglio di ciascun errore

error-not-object = Il caso deve essere un oggetto JSON.
error-unknown-field = Questo campo non fa parte del modulo; vedere la definizione del modulo.
error-required = «{ $field }» è obbligatorio.
error-empty = «{ $field }» non può essere vuoto.
error-required-unless = «{ $field }» è obbligatorio se non è indicato «{ $other }».
error-required-when = «{ $field }» è obbligatorio quando { $condition }.
error-only-when = «{ $field }» si usa solo quando { $condition }.
condition-is-true = «{ $field }» è «sì»
condition-is-given = «{ $field }» è indicato
condition-equals = «{ $field }» è «{ $value }»
error-one-of = «{ $field }» deve essere uno dei seguenti valori: { $values }.
error-drug = «{ $field }» deve essere uno dei farmaci della definizione del modulo.
error-list-of-values = «{ $field }» deve essere un elenco di valori.
error-each-one-of = Ogni valore di «{ $field }» deve essere uno dei seguenti: { $values }.
error-same-value-twice = «{ $field }» contiene due volte lo stesso valore.
error-must-be-alone = In «{ $field }», «{ $value }» non può essere combinato con un altro valore.
error-whole-number = «{ $field }» deve essere un numero intero.
error-between = «{ $field }» deve essere compreso tra { $min } e { $max }.
error-number = «{ $field }» deve essere un numero.
error-decimals = { $decimals ->
    [one] «{ $field }» deve avere al massimo { $decimals } decimale.
    [many] «{ $field }» deve avere al massimo { $decimals } decimali.
   *[other] «{ $field }» deve avere al massimo { $decimals } decimali.
}
error-true-or-false = «{ $field }» deve essere true o false.
error-country-code = «{ $field }» deve essere un codice paese ISO 3166-1 alpha-2.
error-country-value = «{ $field }» deve essere un codice paese ISO 3166-1 alpha-2 in maiuscolo, come NO o BR.
error-date = «{ $field }» deve essere una data nel formato AAAA-MM-GG.
error-date-range = «{ $field }» deve essere una data successiva al 1880 e non futura.
error-diagnosis-date = «{ $field }» deve essere nel formato AAAA-MM-GG o AAAA-MM.
error-diagnosis-date-range = «{ $field }» deve essere una data a partire da novembre 2019 e non futura.
error-text = «{ $field }» deve essere un testo.
error-too-long = «{ $field }» deve contenere al massimo { $max } caratteri.
error-object = «{ $field }» deve essere un oggetto (un gruppo di campi).
error-list = «{ $field }» deve essere un elenco.
error-too-many-items = «{ $field }» può contenere al massimo { $max } voci.
error-too-few-items = «{ $field }» richiede almeno { $min } voci.
error-each-entry-object = Ogni voce di «{ $field }» deve essere un oggetto.

## Regole tra campi e valori calcolati dal registro

error-icu-requires-hospitalised = Il ricovero in terapia intensiva può essere registrato solo per un paziente ricoverato in ospedale.
error-ventilation-requires-hospitalised = La ventilazione invasiva può essere registrata solo per un paziente ricoverato in ospedale.
error-died-status-must-be-died = L'esito deve essere «Deceduto» se il paziente è deceduto.
error-died-status-only-if-died = L'esito può essere «Deceduto» solo quando «Deceduto» è «sì».
error-duplicate-drug = Ciascun farmaco può comparire una sola volta tra le terapie.
error-age-top-coded-requires-90 = «Età troncata» può essere impostato solo insieme a un'età di 90.
error-topical-only-with-systemic-treatment = «Solo terapia topica» non può essere «sì» quando è indicata una terapia sistemica.
error-date-of-birth-after-diagnosis = La data di nascita non può essere successiva alla data della diagnosi di COVID-19.
error-age-from-date-of-birth = L'età alla diagnosi ricavata dalla data di nascita deve essere compresa tra { $min } e { $max }.
error-age-inconsistent = L'età non è coerente con la data di nascita e la data della diagnosi.
error-bmi-out-of-range = Altezza e peso danno un IMC al di fuori dell'intervallo da { $min } a { $max }; verificare entrambi i valori.
error-bmi-inconsistent = L'IMC non è coerente con altezza e peso.
error-date-from-diagnosis = Questa data deve essere compresa tra { $before } giorni prima e { $after } giorni dopo la diagnosi di COVID-19.
error-day-inconsistent = Il giorno non è coerente con la data indicata per lo stesso evento.

## Il rapporto di de-identificazione

# Un testo libero scritto per lo più in una scrittura o lingua che nessun modulo legge non viene registrato.
free-text-unreadable = Questo testo non è stato registrato: è scritto per lo più in una scrittura o in una lingua in cui la de-identificazione non può cercare nomi e altri dati identificativi. Scriverlo in inglese o in un'altra lingua supportata dal registro.
