grammar Mt;

// Placeholder: the front-end issue replaces this with the full language of SPEC section 1.
program : chain EOF ;
chain   : layer ('->' layer)* ;
layer   : IDENT ;
IDENT   : [a-z]+ ;
WS      : [ \t\r\n]+ -> skip ;
