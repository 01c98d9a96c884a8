DROP TABLE changes;
DROP TABLE case_facets;
DROP TABLE case_documents;
DROP TABLE cases;
