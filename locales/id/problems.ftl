# Respons masalah (RFC 9457). $field dan $other adalah label isian (sudah diterjemahkan), $values daftar kode,
# $condition salah satu kalimat condition-* di bawah.

## Masalah: judul, dan `.detail` kalimat di bawahnya

problem-bad-request = Permintaan tidak valid
    .detail = Permintaan tidak dapat dibaca.
problem-unauthorized = Tidak terotorisasi
    .detail = Diperlukan bearer token.
problem-invalid-token = Tidak terotorisasi
    .detail = Token tidak valid: tanda tangan, algoritme, penerbit, atau audiens salah, atau sudah kedaluwarsa.
problem-token-revoked = Tidak terotorisasi
    .detail = Token telah dicabut.
problem-bad-credentials = Tidak terotorisasi
    .detail = Nama pengguna atau kata sandi salah.
problem-forbidden = Dilarang
    .detail = Token ini tidak mengizinkan tindakan tersebut.
problem-too-many-attempts = Terlalu banyak permintaan
    .detail = Terlalu banyak upaya masuk yang gagal; coba lagi nanti.
problem-not-found = Tidak ditemukan
    .detail = Tidak ada apa pun di alamat ini.
problem-method-not-allowed = Metode tidak diizinkan
    .detail = Alamat ini tidak menerima metode tersebut; lihat Allow.
problem-not-acceptable = Tidak dapat diterima
    .detail = Format yang diminta tidak tersedia di sini.
problem-conflict = Konflik
    .detail = Sumber daya telah diubah oleh permintaan lain; coba lagi.
problem-precondition-required = Prasyarat diperlukan
    .detail = Kirim If-Match dengan ETag kasus saat ini untuk mengubahnya.
problem-precondition-failed = Prasyarat gagal
    .detail = Kasus telah berubah sejak Anda membacanya; baca ulang lalu coba lagi.
problem-payload-too-large = Muatan terlalu besar
    .detail = Isi permintaan lebih besar daripada yang diterima endpoint ini.
problem-unsupported-media-type = Jenis media tidak didukung
    .detail = Kirim isi permintaan sebagai application/json.
problem-validation = Formulir bermasalah
    .detail = { $count ->
       *[other] { $count } masalah pada formulir; lihat errors.
    }
problem-rate-limited = Terlalu banyak permintaan
    .detail = Token ini telah mengirim terlalu banyak permintaan; perlambat.
problem-unavailable = Layanan tidak tersedia
    .detail = Basis data sedang sibuk atau tidak dapat dijangkau; coba lagi sebentar lagi.
problem-internal = Kesalahan internal
    .detail = Layanan gagal menjawab; ID korelasi tercatat di log-nya.
problem-error = Kesalahan
    .detail = Permintaan gagal.

## Masalah pada formulir

error-not-object = Kasus harus berupa objek JSON.
error-unknown-field = Isian ini bukan bagian dari formulir; lihat definisi formulir.
error-required = "{ $field }" wajib diisi.
error-empty = "{ $field }" tidak boleh kosong.
error-required-unless = "{ $field }" wajib diisi kecuali "{ $other }" diberikan.
error-required-when = "{ $field }" wajib diisi bila { $condition }.
error-only-when = "{ $field }" hanya digunakan bila { $condition }.
condition-is-true = "{ $field }" bernilai ya
condition-is-given = "{ $field }" diisi
condition-equals = "{ $field }" bernilai "{ $value }"
error-one-of = "{ $field }" harus salah satu dari: { $values }.
error-drug = "{ $field }" harus salah satu obat dalam definisi formulir.
error-list-of-values = "{ $field }" harus berupa daftar nilai.
error-each-one-of = Setiap nilai "{ $field }" harus salah satu dari: { $values }.
error-same-value-twice = "{ $field }" memuat nilai yang sama dua kali.
error-must-be-alone = Dalam "{ $field }", "{ $value }" tidak dapat digabungkan dengan nilai lain.
error-whole-number = "{ $field }" harus berupa bilangan bulat.
error-between = "{ $field }" harus antara { $min } dan { $max }.
error-number = "{ $field }" harus berupa angka.
error-decimals = { $decimals ->
   *[other] "{ $field }" paling banyak boleh memiliki { $decimals } desimal.
}
error-true-or-false = "{ $field }" harus bernilai true atau false.
error-country-code = "{ $field }" harus berupa kode negara ISO 3166-1 alpha-2.
error-country-value = "{ $field }" harus berupa kode negara ISO 3166-1 alpha-2 dengan huruf kapital, seperti ID atau BR.
error-date = "{ $field }" harus berupa tanggal dengan format YYYY-MM-DD.
error-date-range = "{ $field }" harus berupa tanggal setelah tahun 1880 dan tidak di masa depan.
error-diagnosis-date = "{ $field }" harus ditulis dengan format YYYY-MM-DD atau YYYY-MM.
error-diagnosis-date-range = "{ $field }" harus sejak November 2019 dan tidak di masa depan.
error-text = "{ $field }" harus berupa teks.
error-too-long = "{ $field }" paling banyak { $max } karakter.
error-object = "{ $field }" harus berupa objek (sekelompok isian).
error-list = "{ $field }" harus berupa daftar.
error-too-many-items = "{ $field }" paling banyak boleh berisi { $max } entri.
error-too-few-items = "{ $field }" memerlukan minimal { $min } entri.
error-each-entry-object = Setiap entri "{ $field }" harus berupa objek.

## Aturan antarisian dan nilai yang diturunkan registri

error-icu-requires-hospitalised = Perawatan di ICU hanya dapat dicatat untuk pasien yang dirawat inap.
error-ventilation-requires-hospitalised = Ventilasi invasif hanya dapat dicatat untuk pasien yang dirawat inap.
error-died-status-must-be-died = Status luaran harus "Meninggal" bila pasien meninggal.
error-died-status-only-if-died = Status luaran hanya dapat "Meninggal" bila "Meninggal" bernilai ya.
error-duplicate-drug = Setiap obat hanya dapat dicantumkan satu kali di antara terapi.
error-age-top-coded-requires-90 = "Usia dibatasi atas" hanya dapat diaktifkan bersama usia 90.
error-topical-only-with-systemic-treatment = "Hanya terapi topikal" tidak dapat bernilai ya bila ada terapi sistemik yang dicantumkan.
error-date-of-birth-after-diagnosis = Tanggal lahir tidak boleh setelah tanggal diagnosis COVID-19.
error-age-from-date-of-birth = Usia saat diagnosis berdasarkan tanggal lahir harus antara { $min } dan { $max }.
error-age-inconsistent = Usia tidak sesuai dengan tanggal lahir dan tanggal diagnosis.
error-bmi-out-of-range = Tinggi dan berat badan menghasilkan IMT di luar { $min } sampai { $max }; mohon periksa keduanya.
error-bmi-inconsistent = IMT tidak sesuai dengan tinggi dan berat badan.
error-date-from-diagnosis = Tanggal ini harus antara { $before } hari sebelum dan { $after } hari setelah diagnosis COVID-19.
error-day-inconsistent = Hari tidak sesuai dengan tanggal yang diberikan untuk kejadian yang sama.

## Laporan de-identifikasi

free-text-unreadable = Teks ini tidak disimpan: sebagian besar ditulis dalam aksara atau bahasa yang tidak dapat diperiksa oleh proses de-identifikasi untuk mencari nama dan detail identitas lainnya. Mohon tulis dalam bahasa Inggris atau bahasa lain yang dapat dibaca registri.
