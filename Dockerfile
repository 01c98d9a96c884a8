# Multi-stage: build with the Rust toolchain, run as a non-root user on a slim base.
FROM rust:1-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked && cp target/release/dermreg /usr/local/bin/dermreg

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libpq5 ca-certificates curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/dermreg --create-home dermreg
COPY --from=build /usr/local/bin/dermreg /usr/local/bin/dermreg
USER dermreg
ENV DERMREG_DATA_DIR=/var/lib/dermreg DERMREG_BIND=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dermreg"]
CMD ["serve"]
