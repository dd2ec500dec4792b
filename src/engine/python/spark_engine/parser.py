"""Recursive-descent parser for Spark's SQL dialect, producing unresolved plans/expressions
shaped like Spark's AstBuilder output (so plan strings in errors read like Spark's).

Syntax errors raise ParseException with Spark's PARSE_SYNTAX_ERROR text: the offending token
(``'SELEC'``) or ``end of input``, with ANTLR-like hints (``: missing ')'``, ``: extra input 'x'``).
"""

from . import types as T
from .parser_core import ParserCore
from .parser_expr import ExpressionRules
from .parser_query import QueryRules, expand_grouping  # noqa: F401
from .parser_statements import StatementRules
from .parser_types import TypeRules


class Parser(StatementRules, QueryRules, ExpressionRules, TypeRules, ParserCore):
    """The whole grammar: one mixin per area of Spark's SqlBase.g4."""


def parse_statement(text):
    return Parser(text).statement()


def parse_expression_text(text):
    p = Parser(text)
    e = p.named_expression(allow_star=True)
    p.expect_eof()
    return e


def parse_data_type(text):
    p = Parser(text)
    t = p.data_type()
    p.expect_eof()
    return t


def parse_schema(text):
    p = Parser(text)
    fields = []
    while True:
        name = p.identifier()
        if p.peek_op(':'):
            p.advance()
        dt = p.data_type()
        nullable = True
        if p.at_kw('NOT'):
            p.advance()
            p.expect_kw('NULL')
            nullable = False
        if p.at_kw('COMMENT'):
            p.advance()
            p.advance()
        fields.append(T.StructField(name, dt, nullable))
        if not p.peek_op(','):
            break
        p.advance()
    p.expect_eof()
    return T.StructType(fields)


def parse_table_name(text):
    p = Parser(text)
    parts = p.multipart_identifier()
    p.expect_eof()
    return parts
