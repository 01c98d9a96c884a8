# Respuestas de error (RFC 9457). $field y $other son etiquetas de campo ya traducidas.

## Problemas: el título, y `.detail` la frase que lo sigue

problem-bad-request = Solicitud incorrecta
    .detail = No se pudo leer la solicitud.
problem-unauthorized = No autorizado
    .detail = Se requiere un token de portador (bearer).
problem-invalid-token = No autorizado
    .detail = El token no es válido: firma, algoritmo, emisor o audiencia incorrectos, o token caducado.
problem-token-revoked = No autorizado
    .detail = El token ha sido revocado.
problem-bad-credentials = No autorizado
    .detail = El nombre de usuario o la contraseña son incorrectos.
problem-forbidden = Prohibido
    .detail = Este token no permite esa operación.
problem-too-many-attempts = Demasiadas solicitudes
    .detail = Demasiados inicios de sesión fallidos; inténtelo de nuevo más tarde.
problem-not-found = No encontrado
    .detail = No hay nada en esta dirección.
problem-method-not-allowed = Método no permitido
    .detail = Esta dirección no acepta ese método; consulte Allow.
problem-not-acceptable = No aceptable
    .detail = El formato solicitado no está disponible aquí.
problem-conflict = Conflicto
    .detail = Otra solicitud ha modificado el recurso; vuelva a intentarlo.
problem-precondition-required = Se requiere una condición previa
    .detail = Envíe If-Match con el ETag actual del caso para modificarlo.
problem-precondition-failed = Falló la condición previa
    .detail = El caso ha cambiado desde que lo leyó; vuelva a leerlo e inténtelo de nuevo.
problem-payload-too-large = Contenido demasiado grande
    .detail = El cuerpo supera el tamaño que admite este punto de acceso.
problem-unsupported-media-type = Tipo de contenido no admitido
    .detail = Envíe el cuerpo como application/json.
problem-validation = El formulario tiene errores
    .detail = { $count ->
        [one] { $count } error en el formulario; consulte errors.
        [many] { $count } errores en el formulario; consulte errors.
       *[other] { $count } errores en el formulario; consulte errors.
    }
problem-rate-limited = Demasiadas solicitudes
    .detail = Este token ha realizado demasiadas solicitudes; reduzca el ritmo.
problem-unavailable = Servicio no disponible
    .detail = La base de datos está ocupada o no es accesible; inténtelo de nuevo en breve.
problem-internal = Error interno
    .detail = El servicio no pudo responder; el identificador de correlación figura en su registro.
problem-error = Error
    .detail = La solicitud ha fallado.

## Errores de un formulario: el detalle de cada error

error-not-object = El caso debe ser un objeto JSON.
error-unknown-field = Este campo no forma parte del formulario; consulte la definición del formulario.
error-required = «{ $field }» es obligatorio.
error-empty = «{ $field }» no puede estar vacío.
error-required-unless = «{ $field }» es obligatorio salvo que se indique «{ $other }».
error-required-when = «{ $field }» es obligatorio cuando { $condition }.
error-only-when = «{ $field }» solo se usa cuando { $condition }.
condition-is-true = «{ $field }» es «sí»
condition-is-given = se indica «{ $field }»
condition-equals = «{ $field }» es «{ $value }»
error-one-of = «{ $field }» debe ser uno de los siguientes valores: { $values }.
error-drug = «{ $field }» debe ser uno de los fármacos de la definición del formulario.
error-list-of-values = «{ $field }» debe ser una lista de valores.
error-each-one-of = Cada valor de «{ $field }» debe ser uno de los siguientes: { $values }.
error-same-value-twice = «{ $field }» contiene el mismo valor dos veces.
error-must-be-alone = En «{ $field }», «{ $value }» no puede combinarse con otro valor.
error-whole-number = «{ $field }» debe ser un número entero.
error-between = «{ $field }» debe estar entre { $min } y { $max }.
error-number = «{ $field }» debe ser un número.
error-decimals = { $decimals ->
    [one] «{ $field }» debe tener como máximo { $decimals } decimal.
    [many] «{ $field }» debe tener como máximo { $decimals } decimales.
   *[other] «{ $field }» debe tener como máximo { $decimals } decimales.
}
error-true-or-false = «{ $field }» debe ser true o false.
error-country-code = «{ $field }» debe ser un código de país ISO 3166-1 alfa-2.
error-country-value = «{ $field }» debe ser un código de país ISO 3166-1 alfa-2 en mayúsculas, como NO o BR.
error-date = «{ $field }» debe ser una fecha con el formato AAAA-MM-DD.
error-date-range = «{ $field }» debe ser una fecha posterior a 1880 y no futura.
error-diagnosis-date = «{ $field }» debe tener el formato AAAA-MM-DD o AAAA-MM.
error-diagnosis-date-range = «{ $field }» debe ser una fecha de noviembre de 2019 en adelante y no futura.
error-text = «{ $field }» debe ser texto.
error-too-long = «{ $field }» debe tener como máximo { $max } caracteres.
error-object = «{ $field }» debe ser un objeto (un grupo de campos).
error-list = «{ $field }» debe ser una lista.
error-too-many-items = «{ $field }» admite como máximo { $max } entradas.
error-too-few-items = «{ $field }» necesita al menos { $min } entradas.
error-each-entry-object = Cada entrada de «{ $field }» debe ser un objeto.

## Reglas entre campos y datos que calcula el registro

error-icu-requires-hospitalised = El ingreso en UCI solo puede registrarse en un paciente que fue hospitalizado.
error-ventilation-requires-hospitalised = La ventilación invasiva solo puede registrarse en un paciente que fue hospitalizado.
error-died-status-must-be-died = El estado evolutivo debe ser «Fallecido» si el paciente falleció.
error-died-status-only-if-died = El estado evolutivo solo puede ser «Fallecido» cuando «Falleció» es «sí».
error-duplicate-drug = Cada fármaco solo puede figurar una vez entre los tratamientos.
error-age-top-coded-requires-90 = «Edad truncada» solo puede activarse junto con una edad de 90.
error-topical-only-with-systemic-treatment = «Solo tratamiento tópico» no puede ser «sí» si se indica un tratamiento sistémico.
error-date-of-birth-after-diagnosis = La fecha de nacimiento no puede ser posterior a la fecha del diagnóstico de COVID-19.
error-age-from-date-of-birth = La edad en el diagnóstico calculada a partir de la fecha de nacimiento debe estar entre { $min } y { $max }.
error-age-inconsistent = La edad no concuerda con la fecha de nacimiento y la fecha del diagnóstico.
error-bmi-out-of-range = La talla y el peso dan un IMC fuera del intervalo de { $min } a { $max }; compruebe ambos valores.
error-bmi-inconsistent = El IMC no concuerda con la talla y el peso.
error-date-from-diagnosis = Esta fecha debe estar entre { $before } días antes y { $after } días después del diagnóstico de COVID-19.
error-day-inconsistent = El día no concuerda con la fecha indicada para el mismo evento.

## El informe de desidentificación

# Un texto libre escrito sobre todo en una escritura o idioma que ningún módulo lee no se guarda.
free-text-unreadable = Este texto no se ha guardado: está escrito principalmente en una escritura o un idioma en el que la desidentificación no puede buscar nombres ni otros datos identificativos. Escríbalo en inglés o en otro idioma que el registro admita.
