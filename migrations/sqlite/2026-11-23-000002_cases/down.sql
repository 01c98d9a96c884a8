DROP TABLE changes;
DROP TABLE case_facets;
DROP TABLE cases;
