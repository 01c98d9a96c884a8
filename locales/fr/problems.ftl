# Réponses d'erreur (RFC 9457). $field et $other sont des libellés de champ déjà traduits.

## Problèmes : le titre, et `.detail` la phrase qui le suit

problem-bad-request = Requête incorrecte
    .detail = La requête n'a pas pu être lue.
problem-unauthorized = Non autorisé
    .detail = Un jeton d'accès (bearer) est requis.
problem-invalid-token = Non autorisé
    .detail = Le jeton n'est pas valide : signature, algorithme, émetteur ou audience incorrects, ou jeton expiré.
problem-token-revoked = Non autorisé
    .detail = Le jeton a été révoqué.
problem-bad-credentials = Non autorisé
    .detail = Le nom d'utilisateur ou le mot de passe est incorrect.
problem-forbidden = Interdit
    .detail = Ce jeton ne permet pas cette opération.
problem-too-many-attempts = Trop de requêtes
    .detail = Trop d'échecs de connexion ; réessayez plus tard.
problem-not-found = Introuvable
    .detail = Il n'y a rien à cette adresse.
problem-method-not-allowed = Méthode non autorisée
    .detail = Cette adresse n'accepte pas cette méthode ; voir Allow.
problem-not-acceptable = Non acceptable
    .detail = Le format demandé n'est pas disponible ici.
problem-conflict = Conflit
    .detail = La ressource a été modifiée par une autre requête ; réessayez.
problem-precondition-required = Condition préalable requise
    .detail = Envoyez If-Match avec l'ETag actuel du cas pour le modifier.
problem-precondition-failed = Échec de la condition préalable
    .detail = Le cas a été modifié depuis que vous l'avez lu ; relisez-le et réessayez.
problem-payload-too-large = Contenu trop volumineux
    .detail = Le corps de la requête dépasse ce que ce point d'accès accepte.
problem-unsupported-media-type = Type de média non pris en charge
    .detail = Envoyez le corps au format application/json.
problem-validation = Le formulaire comporte des erreurs
    .detail = { $count ->
        [one] { $count } erreur dans le formulaire ; voir errors.
        [many] { $count } erreurs dans le formulaire ; voir errors.
       *[other] { $count } erreurs dans le formulaire ; voir errors.
    }
problem-rate-limited = Trop de requêtes
    .detail = Ce jeton a envoyé trop de requêtes ; ralentissez.
problem-unavailable = Service indisponible
    .detail = La base de données est occupée ou inaccessible ; réessayez dans un instant.
problem-internal = Erreur interne
    .detail = Le service n'a pas pu répondre ; l'identifiant de corrélation figure dans son journal.
problem-error = Erreur
    .detail = La requête a échoué.

## Erreurs d'un formulaire : le détail de chaque erreur

error-not-object = Le cas doit être un objet JSON.
error-unknown-field = Ce champ ne fait pas partie du formulaire ; voir la définition du formulaire.
error-required = « { $field } » est obligatoire.
error-empty = « { $field } » ne doit pas être vide.
error-required-unless = « { $field } » est obligatoire sauf si « { $other } » est renseigné.
error-required-when = « { $field } » est obligatoire lorsque { $condition }.
error-only-when = « { $field } » n'est utilisé que lorsque { $condition }.
condition-is-true = « { $field } » vaut « oui »
condition-is-given = « { $field } » est renseigné
condition-equals = « { $field } » vaut « { $value } »
error-one-of = « { $field } » doit prendre l'une des valeurs suivantes : { $values }.
error-drug = « { $field } » doit être l'un des médicaments de la définition du formulaire.
error-list-of-values = « { $field } » doit être une liste de valeurs.
error-each-one-of = Chaque valeur de « { $field } » doit être l'une des suivantes : { $values }.
error-same-value-twice = « { $field } » contient deux fois la même valeur.
error-must-be-alone = Dans « { $field } », « { $value } » ne peut pas être associé à une autre valeur.
error-whole-number = « { $field } » doit être un nombre entier.
error-between = « { $field } » doit être compris entre { $min } et { $max }.
error-number = « { $field } » doit être un nombre.
error-decimals = { $decimals ->
    [one] « { $field } » doit comporter au plus { $decimals } décimale.
    [many] « { $field } » doit comporter au plus { $decimals } décimales.
   *[other] « { $field } » doit comporter au plus { $decimals } décimales.
}
error-true-or-false = « { $field } » doit valoir true ou false.
error-country-code = « { $field } » doit être un code pays ISO 3166-1 alpha-2.
error-country-value = « { $field } » doit être un code pays ISO 3166-1 alpha-2 en majuscules, comme NO ou BR.
error-date = « { $field } » doit être une date au format AAAA-MM-JJ.
error-date-range = « { $field } » doit être une date postérieure à 1880, et non dans le futur.
error-diagnosis-date = « { $field } » doit être au format AAAA-MM-JJ ou AAAA-MM.
error-diagnosis-date-range = « { $field } » doit être une date à partir de novembre 2019, et non dans le futur.
error-text = « { $field } » doit être du texte.
error-too-long = « { $field } » doit comporter au plus { $max } caractères.
error-object = « { $field } » doit être un objet (un groupe de champs).
error-list = « { $field } » doit être une liste.
error-too-many-items = « { $field } » peut comporter au plus { $max } entrées.
error-too-few-items = « { $field } » nécessite au moins { $min } entrées.
error-each-entry-object = Chaque entrée de « { $field } » doit être un objet.

## Règles entre champs et valeurs calculées par le registre

error-icu-requires-hospitalised = Une admission en soins intensifs ne peut être indiquée que pour un patient hospitalisé.
error-ventilation-requires-hospitalised = Une ventilation invasive ne peut être indiquée que pour un patient hospitalisé.
error-died-status-must-be-died = L'évolution doit être « Décédé » lorsque le patient est décédé.
error-died-status-only-if-died = L'évolution ne peut être « Décédé » que si « Décédé » vaut « oui ».
error-duplicate-drug = Chaque médicament ne peut figurer qu'une seule fois parmi les traitements.
error-age-top-coded-requires-90 = « Âge plafonné » ne peut être activé qu'avec un âge de 90.
error-topical-only-with-systemic-treatment = « Traitement topique uniquement » ne peut pas valoir « oui » lorsqu'un traitement systémique est indiqué.
error-date-of-birth-after-diagnosis = La date de naissance ne doit pas être postérieure à la date du diagnostic de la COVID-19.
error-age-from-date-of-birth = L'âge au diagnostic calculé à partir de la date de naissance doit être compris entre { $min } et { $max }.
error-age-inconsistent = L'âge ne concorde pas avec la date de naissance et la date du diagnostic.
error-bmi-out-of-range = La taille et le poids donnent un IMC en dehors de l'intervalle { $min } à { $max } ; vérifiez les deux valeurs.
error-bmi-inconsistent = L'IMC ne concorde pas avec la taille et le poids.
error-date-from-diagnosis = Cette date doit se situer entre { $before } jours avant et { $after } jours après le diagnostic de la COVID-19.
error-day-inconsistent = Le jour ne concorde pas avec la date indiquée pour le même événement.

## Rapport de désidentification

# Un texte libre écrit surtout dans une écriture ou une langue qu'aucun module ne lit n'est pas enregistré.
free-text-unreadable = Ce texte n'a pas été enregistré : il est rédigé principalement dans une écriture ou une langue dans laquelle la désidentification ne peut pas rechercher les noms et autres données identifiantes. Veuillez l'écrire en anglais ou dans une autre langue prise en charge par le registre.
