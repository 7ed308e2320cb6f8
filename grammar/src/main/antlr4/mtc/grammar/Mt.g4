/*
 * The .mt model language (SPEC section 1).
 *
 * Statements stand one per line, so line ends are tokens (NEWLINE). A chain may still break
 * before or after '->': the ARROW token swallows the blank space, comments and line ends on
 * both of its sides, so a line end next to an arrow never reaches the parser.
 *
 * One rule recurses: a residual connection holds chains (residual -> chain -> element ->
 * residual). SyntaxParser counts the nesting in the tokens before parsing and refuses a file
 * nested deeper than the language allows, so the parser's stack stays bounded whatever the input.
 * Layer, argument, statement and constant names are plain IDENTs; the checker, not the parser,
 * decides which names exist (layers and blocks alike), so that it can suggest the closest one.
 */
grammar Mt;

// The parser appends a line end to the text, so every line, the last included, ends in NEWLINE.
// After a syntax error the parser skips to the line's end: each line gets its own error.
program
    : line* EOF
    ;

line
    : statement? NEWLINE
    ;

statement
    : MODEL IDENT                       # modelStatement
    | INPUT shape                       # inputStatement
    | LET IDENT ASSIGN value            # letStatement
    | LOSS IDENT                        # lossStatement
    | OPTIMIZER call                    # optimizerStatement
    | BLOCK IDENT LPAREN (IDENT (COMMA IDENT)*)? RPAREN ASSIGN chain # blockStatement
    | SCHEDULE call                     # scheduleStatement
    | DATA dataName                     # dataStatement
    | chain                             # chainStatement
    | IDENT (IDENT | LBRACK | INT | FLOAT) ~NEWLINE* # unknownStatement
    ;

chain
    : element (ARROW element)*
    ;

// A layer, a block's use, or a residual connection around a chain.
element
    : call                              # callElement
    | RESIDUAL LPAREN chain (COMMA IDENT ASSIGN chain)? RPAREN # residualElement
    ;

// A layer, a block's use, an optimizer or a schedule: a name with optional arguments.
call
    : IDENT (LPAREN (argument (COMMA argument)*)? RPAREN)?
    ;

// A data set's name, such as fashion-mnist: words joined by '-'.
dataName
    : IDENT (MINUS (IDENT | INT))*
    ;

argument
    : IDENT ASSIGN (value | shape)      # namedArgument
    | (value | shape)                   # positionalArgument
    ;

// A list of scalars: an input shape, or a pair argument such as k = [3, 5]. Lists do not nest.
shape
    : LBRACK value (COMMA value)* RBRACK
    ;

value
    : number                            # numberValue
    | IDENT                             # constantValue
    ;

number
    : MINUS? INT                        # intNumber
    | MINUS? FLOAT                      # floatNumber
    ;

MODEL     : 'model' ;
INPUT     : 'input' ;
LET       : 'let' ;
LOSS      : 'loss' ;
OPTIMIZER : 'optimizer' ;
BLOCK     : 'block' ;
RESIDUAL  : 'residual' ;
DATA      : 'data' ;
SCHEDULE  : 'schedule' ;

ARROW   : GAP? '->' GAP? ;
NEWLINE : SPACE* REMARK? '\n' GAP? ;

LPAREN : '(' ;
RPAREN : ')' ;
LBRACK : '[' ;
RBRACK : ']' ;
COMMA  : ',' ;
ASSIGN : '=' ;
MINUS  : '-' ;

IDENT : [a-zA-Z_] [a-zA-Z0-9_]* ;
INT   : DIGITS ;
FLOAT : DIGITS '.' DIGITS? EXPONENT? | '.' DIGITS EXPONENT? | DIGITS EXPONENT ;

WS      : SPACE+ -> skip ;
COMMENT : REMARK -> skip ;

// Anything else becomes one token, so that the parser reports it with its position.
UNKNOWN_CHAR : . ;

// '\r' counts as blank space: CRLF files then have the same tokens as LF files.
fragment SPACE    : [ \t\r\f] ;
fragment REMARK   : '#' ~[\n]* ;
fragment GAP      : (SPACE | REMARK | '\n')+ ;
fragment DIGITS   : [0-9]+ ;
fragment EXPONENT : [eE] [+-]? DIGITS ;
