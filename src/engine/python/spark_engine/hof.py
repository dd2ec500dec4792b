"""Higher-order functions with SQL lambdas: transform, filter, exists, forall, aggregate,
zip_with, map_filter, transform_keys, transform_values.

Lambda variables are attributes appended after the input row's slots while the body runs.
Names follow Spark: ``transform(a, lambdafunction((namedlambdavariable() + 1), namedlambdavariable()))``.
"""

from . import types as T
from . import expressions as E
from .expressions import TypeCheckError

HOF_NAMES = ('transform', 'filter', 'exists', 'forall', 'aggregate', 'reduce', 'zip_with',
             'map_filter', 'transform_keys', 'transform_values', 'array_sort')


class LambdaFunction(E.Expression):
    """``(x, i) -> body``: children = [body]; params are names until bound."""

    def __init__(self, params, body):
        self.params = list(params)
        self.children = [body]
        self.variables = None

    def is_resolved(self):
        return self.variables is not None and self.children[0].is_resolved()

    def type_check(self, ctx):
        self.data_type = self.children[0].data_type
        self.nullable = self.children[0].nullable
        return self

    def to_string(self):
        vs = self.variables or []
        return 'lambdafunction(%s, %s)' % (self.children[0].to_string(),
                                           ', '.join(v.to_string() for v in vs) if vs else ', '.join(self.params))

    def sql(self):
        n = len(self.params)
        return 'lambdafunction(%s, %s)' % (self.children[0].sql(), ', '.join(['namedlambdavariable()'] * n))


class LambdaVariable(E.AttributeReference):
    def sql(self):
        return 'namedlambdavariable()'

    def to_string(self):
        return 'lambda %s#%d' % (self.name, self.expr_id)


class HigherOrderFunction(E.Expression):
    def __init__(self, name, args):
        self.name = name
        self.children = list(args)

    def _key_extra(self):
        return self.name

    def to_string(self):
        return '%s(%s)' % (self.name, ', '.join(c.to_string() for c in self.children))

    def sql(self):
        return '%s(%s)' % (self.name, ', '.join(c.sql() for c in self.children))

    def compile(self, ctx):
        from .executor import CompileContext
        name = self.name
        arg_fs = [c.compile(ctx) for c in self.children if not isinstance(c, LambdaFunction)]
        lambdas = [c for c in self.children if isinstance(c, LambdaFunction)]
        base = list(ctx.attrs)
        bodies = []
        for lf in lambdas:
            inner = CompileContext(ctx.session, base + lf.variables)
            bodies.append(lf.children[0].compile(inner))
        f0 = arg_fs[0]

        if name == 'transform':
            body = bodies[0]
            two = len(lambdas[0].variables) == 2

            def run(row):
                a = f0(row)
                if a is None:
                    return None
                if two:
                    return [body(row + (x, i)) for i, x in enumerate(a)]
                return [body(row + (x,)) for x in a]
            return run
        if name == 'filter':
            body = bodies[0]
            two = len(lambdas[0].variables) == 2

            def run(row):
                a = f0(row)
                if a is None:
                    return None
                if two:
                    return [x for i, x in enumerate(a) if body(row + (x, i)) is True]
                return [x for x in a if body(row + (x,)) is True]
            return run
        if name in ('exists', 'forall'):
            body = bodies[0]
            want = name == 'exists'

            def run(row):
                a = f0(row)
                if a is None:
                    return None
                saw_null = False
                for x in a:
                    v = body(row + (x,))
                    if v is None:
                        saw_null = True
                    elif v is want:
                        return want
                return None if saw_null else (not want)
            return run
        if name in ('aggregate', 'reduce'):
            zero = arg_fs[1]
            merge = bodies[0]
            finish = bodies[1] if len(bodies) > 1 else None

            def run(row):
                a = f0(row)
                if a is None:
                    return None
                acc = zero(row)
                for x in a:
                    acc = merge(row + (acc, x))
                return finish(row + (acc,)) if finish else acc
            return run
        if name == 'zip_with':
            f1 = arg_fs[1]
            body = bodies[0]

            def run(row):
                a, b = f0(row), f1(row)
                if a is None or b is None:
                    return None
                n = max(len(a), len(b))
                return [body(row + (a[i] if i < len(a) else None, b[i] if i < len(b) else None))
                        for i in range(n)]
            return run
        if name in ('map_filter', 'transform_keys', 'transform_values'):
            body = bodies[0]

            def run(row):
                m = f0(row)
                if m is None:
                    return None
                out = {}
                for k, v in m.items():
                    if name == 'map_filter':
                        if body(row + (k, v)) is True:
                            out[k] = v
                    elif name == 'transform_keys':
                        out[body(row + (k, v))] = v
                    else:
                        out[k] = body(row + (k, v))
                return out
            return run
        if name == 'array_sort':
            body = bodies[0]
            import functools

            def run(row):
                a = f0(row)
                if a is None:
                    return None
                return sorted(a, key=functools.cmp_to_key(lambda x, y: body(row + (x, y)) or 0))
            return run
        raise NotImplementedError(name)


def lambda_var_types(name, args):
    """The types bound to each lambda's variables, from the already-resolved arguments."""
    a = args[0].data_type
    if name in ('transform', 'filter'):
        return [[(a.elementType, a.containsNull), (T.IntegerType(), False)]]
    if name in ('exists', 'forall'):
        return [[(a.elementType, a.containsNull)]]
    if name == 'array_sort':
        return [[(a.elementType, a.containsNull), (a.elementType, a.containsNull)]]
    if name in ('aggregate', 'reduce'):
        z = args[1].data_type
        return [[(z, True), (a.elementType, a.containsNull)], [(z, True)]]
    if name == 'zip_with':
        b = args[1].data_type
        return [[(a.elementType, True), (b.elementType, True)]]
    if name in ('map_filter', 'transform_keys', 'transform_values'):
        return [[(a.keyType, False), (a.valueType, a.valueContainsNull)]]
    return []


def type_result(e):
    name = e.name
    args = [c for c in e.children if not isinstance(c, LambdaFunction)]
    lams = [c for c in e.children if isinstance(c, LambdaFunction)]
    a = args[0].data_type
    if name in ('transform', 'filter', 'exists', 'forall', 'array_sort') and not isinstance(a, T.ArrayType):
        raise TypeCheckError('DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE', {
            'sqlExpr': '"%s"' % e.sql(), 'paramIndex': '1', 'requiredType': '"ARRAY"',
            'inputSql': '"%s"' % args[0].sql(), 'inputType': '"%s"' % a.sql_name()})
    body = lams[0].children[0]
    if name == 'transform':
        e.data_type = T.ArrayType(body.data_type, body.nullable)
    elif name in ('filter', 'array_sort'):
        e.data_type = a
    elif name in ('exists', 'forall'):
        e.data_type = T.BooleanType()
    elif name in ('aggregate', 'reduce'):
        e.data_type = lams[1].children[0].data_type if len(lams) > 1 else body.data_type
    elif name == 'zip_with':
        e.data_type = T.ArrayType(body.data_type, body.nullable)
    elif name == 'map_filter':
        e.data_type = a
    elif name == 'transform_keys':
        e.data_type = T.MapType(body.data_type, a.valueType, a.valueContainsNull)
    elif name == 'transform_values':
        e.data_type = T.MapType(a.keyType, body.data_type, body.nullable)
    e.nullable = any(x.nullable for x in args)
    return e
