"""The machinery behind built-in functions: a spec per function (arity, typing with Spark's
implicit input casts, nullability, evaluation) and the registry the analyzer looks names up in.
"""

from . import types as T
from .expressions import TypeCheckError, implicit_cast

REGISTRY = {}
AGGREGATES = {}

_TARGET_SQL = {'string': '"STRING"', 'numeric': '"NUMERIC"', 'double': '"DOUBLE"',
               'long': '"BIGINT"', 'int': '"INT"', 'date': '"DATE"', 'timestamp': '"TIMESTAMP"',
               'boolean': '"BOOLEAN"', 'array': '"ARRAY"', 'map': '"MAP"', 'integral': '"INTEGRAL"',
               'binary': '"BINARY"', 'string_or_binary': '("STRING" or "BINARY")'}


def coerce_arg(e, target, parent, idx):
    """ImplicitCastInputTypes for one argument; raises DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE."""
    dt = e.data_type
    if target == 'any':
        return e
    ok = None
    if target == 'string':
        if isinstance(dt, T.StringType):
            return e
        if isinstance(dt, (T.NullType, T.NumericType, T.DateType, T.TimestampType, T.BooleanType,
                           T.BinaryType, T.TimestampNTZType)):
            ok = T.StringType()
    elif target == 'string_or_binary':
        if isinstance(dt, (T.StringType, T.BinaryType)):
            return e
        if isinstance(dt, (T.NullType, T.NumericType, T.DateType, T.TimestampType, T.BooleanType)):
            ok = T.StringType()
    elif target == 'binary':
        if isinstance(dt, T.BinaryType):
            return e
        if isinstance(dt, (T.StringType, T.NullType)):
            ok = T.BinaryType()
    elif target == 'numeric':
        if isinstance(dt, T.NumericType):
            return e
        if isinstance(dt, (T.StringType, T.NullType)):
            ok = T.DoubleType()
    elif target == 'double':
        if isinstance(dt, T.DoubleType):
            return e
        if isinstance(dt, (T.NumericType, T.StringType, T.NullType)):
            ok = T.DoubleType()
    elif target in ('long', 'int', 'integral'):
        want = T.IntegerType() if target == 'int' else T.LongType()
        if target == 'integral' and isinstance(dt, T.IntegralType):
            return e
        if dt == want:
            return e
        if isinstance(dt, (T.NumericType, T.StringType, T.NullType)):
            ok = want
    elif target == 'date':
        if isinstance(dt, T.DateType):
            return e
        if isinstance(dt, (T.StringType, T.TimestampType, T.NullType, T.TimestampNTZType)):
            ok = T.DateType()
    elif target == 'timestamp':
        if isinstance(dt, T.TimestampType):
            return e
        if isinstance(dt, (T.StringType, T.DateType, T.NullType, T.TimestampNTZType)):
            ok = T.TimestampType()
    elif target == 'boolean':
        if isinstance(dt, T.BooleanType):
            return e
        if isinstance(dt, (T.NullType, T.StringType)):
            ok = T.BooleanType()
    elif target == 'array':
        if isinstance(dt, T.ArrayType):
            return e
        if isinstance(dt, T.NullType):
            ok = T.ArrayType(T.NullType(), True)
    elif target == 'map':
        if isinstance(dt, T.MapType):
            return e
    if ok is not None:
        return implicit_cast(e, ok)
    raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
        'sqlExpr': '"%s"' % parent.sql(), 'paramIndex': str(idx),
        'requiredType': _TARGET_SQL.get(target, '"%s"' % target.upper()),
        'inputSql': '"%s"' % e.sql(), 'inputType': '"%s"' % dt.sql_name()})


class FunctionSpec:
    """How one scalar function types and evaluates.

    ``inputs``: list of coerce targets (last one repeats for varargs) or None;
    ``result``: DataType, or callable(arg_exprs) -> DataType;
    ``fn``: callable(*values) (or factory(expr, ctx) -> callable when ``factory``);
    ``null_intolerant``: NULL in any argument -> NULL without calling fn;
    ``nullable``: None (any child nullable), True/False, or callable(arg_exprs).
    """

    def __init__(self, name, min_args, max_args, inputs=None, result=None, fn=None,
                 null_intolerant=True, nullable=None, factory=False, typer=None,
                 deterministic=True, sql=None, to_string=None, no_fold=False):
        self.name = name
        self.min_args = min_args
        self.max_args = max_args
        self.inputs = inputs
        self.result = result
        self.fn = fn
        self.null_intolerant = null_intolerant
        self.nullable_rule = nullable
        self.factory = factory
        self.typer = typer
        self.deterministic = deterministic
        self.sql = sql
        self.to_string = to_string
        self.no_fold = no_fold

    defaults = None  # literals Spark fills in for omitted trailing arguments (they show in names)

    def type_check(self, e, ctx):
        if self.defaults and len(e.children) < self.min_args + len(self.defaults):
            have = len(e.children) - self.min_args
            e.children = list(e.children) + [d() for d in self.defaults[max(have, 0):]]
        if self.typer is not None:
            self.typer(e, ctx)
        else:
            args = list(e.children)
            if self.inputs is not None:
                for i, a in enumerate(args):
                    tgt = self.inputs[min(i, len(self.inputs) - 1)]
                    args[i] = coerce_arg(a, tgt, e, i + 1)
            e.children = args
            r = self.result
            e.data_type = r(args) if callable(r) else r
        rule = self.nullable_rule
        if rule is None:
            e.nullable = any(c.nullable for c in e.children)
        elif callable(rule):
            e.nullable = rule(e.children)
        else:
            e.nullable = rule

    def compile(self, e, ctx):
        fs = [c.compile(ctx) for c in e.children]
        fn = self.fn(e, ctx) if self.factory else self.fn
        n = len(fs)
        if self.null_intolerant:
            if n == 1:
                f0 = fs[0]

                def run1(row):
                    v = f0(row)
                    return None if v is None else fn(v)
                return run1
            if n == 2:
                f0, f1 = fs

                def run2(row):
                    a = f0(row)
                    if a is None:
                        return None
                    b = f1(row)
                    if b is None:
                        return None
                    return fn(a, b)
                return run2

            def run(row):
                vals = [f(row) for f in fs]
                for v in vals:
                    if v is None:
                        return None
                return fn(*vals)
            return run
        return lambda row: fn(*[f(row) for f in fs])


def define(name, n, inputs, result, fn, *aliases, **kw):
    """Register a FunctionSpec; ``n`` is an arity or a (min, max) pair."""
    lo, hi = (n, n) if isinstance(n, int) else n
    return register(FunctionSpec(name, lo, hi, inputs, result, fn, **kw), *aliases)


def register(spec, *aliases):
    REGISTRY[spec.name] = spec
    for a in aliases:
        REGISTRY[a] = spec
    return spec


class AggSpec:
    """An aggregate: typing plus an accumulator (init/update/merge-free finish)."""

    def __init__(self, name, min_args, max_args, typer, init, update, finish, nullable=True,
                 skip_nulls=True):
        self.name = name
        self.min_args = min_args
        self.max_args = max_args
        self.typer = typer
        self.init = init
        self.update = update
        self.finish = finish
        self.nullable_rule = nullable
        self.skip_nulls = skip_nulls

    def type_check(self, e, ctx):
        self.typer(e, ctx)
        e.nullable = self.nullable_rule if not callable(self.nullable_rule) else self.nullable_rule(e)


def register_agg(spec, *aliases):
    AGGREGATES[spec.name] = spec
    for a in aliases:
        AGGREGATES[a] = spec
    return spec


def lookup(name):
    """(kind, spec) for a function name (case-insensitive) or (None, None)."""
    n = name.lower()
    if n in AGGREGATES:
        return 'agg', AGGREGATES[n]
    if n in REGISTRY:
        return 'scalar', REGISTRY[n]
    return None, None
