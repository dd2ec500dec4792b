"""The expression classes, re-exported from their modules (expr_base, expr_cast, expr_arith,
expr_predicates, expr_calls, expr_nested, expr_subquery) so callers can use one namespace."""

from .expr_base import (  # noqa: F401
    new_expr_id, quote_ident, needs_quote, quote_if_needed, TypeCheckError, Expression, Literal, AttributeReference, UnresolvedAttribute, UnresolvedStar, UnresolvedRegex, OuterReference, Alias, UnresolvedAlias, SortOrder, BoundReference, transform_up, transform_down, find_all)
from .expr_cast import (  # noqa: F401
    implicit_cast, Cast)
from .expr_arith import (  # noqa: F401
    _dec_literal_type, BinaryArithmetic, _div_zero, _arith_fn, _jmod, UnaryMinus)
from .expr_predicates import (  # noqa: F401
    BinaryComparison, _nan_key, comparable_key, _identity, Not, _to_boolean, And, Or, IsNull, IsNotNull, In, CaseWhen)
from .expr_calls import (  # noqa: F401
    UnresolvedFunction, ScalarFunction, AggregateExpression)
from .expr_nested import (  # noqa: F401
    GetItem, GetField, UpdateFields)
from .expr_subquery import (  # noqa: F401
    SubqueryExpression)
