# Respostas de erro (RFC 9457). $field e $other são rótulos de campo já traduzidos.

## Problemas: o título, e `.detail` a frase abaixo dele

problem-bad-request = Requisição inválida
    .detail = Não foi possível ler a requisição.
problem-unauthorized = Não autorizado
    .detail = É necessário um token de acesso (bearer).
problem-invalid-token = Não autorizado
    .detail = O token não é válido: assinatura, algoritmo, emissor ou público incorretos, ou token expirado.
problem-token-revoked = Não autorizado
    .detail = O token foi revogado.
problem-bad-credentials = Não autorizado
    .detail = O nome de usuário ou a senha estão incorretos.
problem-forbidden = Proibido
    .detail = Este token não permite essa operação.
problem-too-many-attempts = Requisições em excesso
    .detail = Muitas tentativas de login sem sucesso; tente novamente mais tarde.
problem-not-found = Não encontrado
    .detail = Não há nada neste endereço.
problem-method-not-allowed = Método não permitido
    .detail = Este endereço não aceita esse método; veja Allow.
problem-not-acceptable = Não aceitável
    .detail = O formato solicitado não está disponível aqui.
problem-conflict = Conflito
    .detail = O recurso foi alterado por outra requisição; tente novamente.
problem-precondition-required = Pré-condição necessária
    .detail = Envie If-Match com o ETag atual do caso para alterá-lo.
problem-precondition-failed = Pré-condição não atendida
    .detail = O caso mudou desde que você o leu; leia-o novamente e tente de novo.
problem-payload-too-large = Conteúdo grande demais
    .detail = O corpo é maior do que este endpoint aceita.
problem-unsupported-media-type = Tipo de mídia não suportado
    .detail = Envie o corpo como application/json.
problem-validation = O formulário tem problemas
    .detail = { $count ->
        [one] { $count } problema no formulário; veja errors.
        [many] { $count } problemas no formulário; veja errors.
       *[other] { $count } problemas no formulário; veja errors.
    }
problem-rate-limited = Requisições em excesso
    .detail = Este token fez requisições demais; diminua o ritmo.
problem-unavailable = Serviço indisponível
    .detail = O banco de dados está ocupado ou inacessível; tente novamente em instantes.
problem-internal = Erro interno
    .detail = O serviço não conseguiu responder; o identificador de correlação está no log.
problem-error = Erro
    .detail = A requisição falhou.

## Problemas de um formulário: o detalhe de cada erro

error-not-object = O caso deve ser um objeto JSON.
error-unknown-field = Este campo não faz parte do formulário; veja a definição do formulário.
error-required = “{ $field }” é obrigatório.
error-empty = “{ $field }” não pode estar vazio.
error-required-unless = “{ $field }” é obrigatório, a menos que “{ $other }” seja informado.
error-required-when = “{ $field }” é obrigatório quando { $condition }.
error-only-when = “{ $field }” só é usado quando { $condition }.
condition-is-true = “{ $field }” é “sim”
condition-is-given = “{ $field }” é informado
condition-equals = “{ $field }” é “{ $value }”
error-one-of = “{ $field }” deve ser um dos seguintes valores: { $values }.
error-drug = “{ $field }” deve ser um dos medicamentos da definição do formulário.
error-list-of-values = “{ $field }” deve ser uma lista de valores.
error-each-one-of = Cada valor de “{ $field }” deve ser um dos seguintes: { $values }.
error-same-value-twice = “{ $field }” contém o mesmo valor duas vezes.
error-must-be-alone = Em “{ $field }”, “{ $value }” não pode ser combinado com outro valor.
error-whole-number = “{ $field }” deve ser um número inteiro.
error-between = “{ $field }” deve estar entre { $min } e { $max }.
error-number = “{ $field }” deve ser um número.
error-decimals = { $decimals ->
    [one] “{ $field }” deve ter no máximo { $decimals } casa decimal.
    [many] “{ $field }” deve ter no máximo { $decimals } casas decimais.
   *[other] “{ $field }” deve ter no máximo { $decimals } casas decimais.
}
error-true-or-false = “{ $field }” deve ser true ou false.
error-country-code = “{ $field }” deve ser um código de país ISO 3166-1 alfa-2.
error-country-value = “{ $field }” deve ser um código de país ISO 3166-1 alfa-2 em maiúsculas, como NO ou BR.
error-date = “{ $field }” deve ser uma data no formato AAAA-MM-DD.
error-date-range = “{ $field }” deve ser uma data posterior a 1880 e não futura.
error-diagnosis-date = “{ $field }” deve estar no formato AAAA-MM-DD ou AAAA-MM.
error-diagnosis-date-range = “{ $field }” deve ser uma data a partir de novembro de 2019 e não futura.
error-text = “{ $field }” deve ser um texto.
error-too-long = “{ $field }” deve ter no máximo { $max } caracteres.
error-object = “{ $field }” deve ser um objeto (um grupo de campos).
error-list = “{ $field }” deve ser uma lista.
error-too-many-items = “{ $field }” pode ter no máximo { $max } itens.
error-too-few-items = “{ $field }” precisa de pelo menos { $min } itens.
error-each-entry-object = Cada item de “{ $field }” deve ser um objeto.

## Regras entre campos e o que o registro calcula

error-icu-requires-hospitalised = A internação em UTI só pode ser registrada para um paciente que foi internado.
error-ventilation-requires-hospitalised = A ventilação invasiva só pode ser registrada para um paciente que foi internado.
error-died-status-must-be-died = A situação do desfecho deve ser “Óbito” quando o paciente morreu.
error-died-status-only-if-died = A situação do desfecho só pode ser “Óbito” quando “Óbito” é “sim”.
error-duplicate-drug = Cada medicamento só pode aparecer uma vez entre os tratamentos.
error-age-top-coded-requires-90 = “Idade truncada” só pode ser marcada junto com uma idade de 90.
error-topical-only-with-systemic-treatment = “Somente tratamento tópico” não pode ser “sim” quando há um tratamento sistêmico informado.
error-date-of-birth-after-diagnosis = A data de nascimento não pode ser posterior à data do diagnóstico de COVID-19.
error-age-from-date-of-birth = A idade no diagnóstico calculada pela data de nascimento deve estar entre { $min } e { $max }.
error-age-inconsistent = A idade não está de acordo com a data de nascimento e a data do diagnóstico.
error-bmi-out-of-range = A altura e o peso resultam em um IMC fora do intervalo de { $min } a { $max }; verifique ambos.
error-bmi-inconsistent = O IMC não está de acordo com a altura e o peso.
error-date-from-diagnosis = Esta data deve estar entre { $before } dias antes e { $after } dias depois do diagnóstico de COVID-19.
error-day-inconsistent = O dia não está de acordo com a data informada para o mesmo evento.

## O relatório de desidentificação

# Um texto livre escrito principalmente em uma escrita ou língua que nenhum módulo lê não é armazenado.
free-text-unreadable = Este texto não foi armazenado: está escrito principalmente em uma escrita ou língua em que a desidentificação não consegue procurar nomes e outros dados identificadores. Escreva-o em inglês ou em outra língua que o registro aceite.
