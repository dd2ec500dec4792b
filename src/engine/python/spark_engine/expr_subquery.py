"""Scalar, IN and EXISTS subqueries (correlated ones re-run per outer row)."""

from . import types as T
from .casts import make_caster
from .coercion import comparison_type
from .expr_base import Expression, OuterReference, new_expr_id, find_all
from .expr_cast import implicit_cast


class SubqueryExpression(Expression):
    """Scalar / IN / EXISTS subqueries (uncorrelated: evaluated once per query)."""

    def __init__(self, kind, plan, value=None, negated=False):
        self.kind = kind  # 'scalar' | 'in' | 'exists'
        self.plan = plan
        self.children = [value] if value is not None else []
        self.negated = negated
        self.expr_id = new_expr_id()

    def is_resolved(self):
        return self.data_type is not None and getattr(self.plan, 'resolved', False) and all(
            c.is_resolved() for c in self.children)

    def _key_extra(self):
        return self.expr_id

    def to_string(self):
        if self.kind == 'scalar':
            return 'scalar-subquery#%d []' % self.expr_id
        if self.kind == 'exists':
            return 'exists#%d []' % self.expr_id
        return '%s IN (list#%d [])' % (self.children[0].to_string(), self.expr_id)

    def sql(self):
        if self.kind == 'scalar':
            return 'scalarsubquery()'
        if self.kind == 'exists':
            return 'exists()'
        return '(%s IN (listquery()))' % self.children[0].sql()

    def type_check(self, ctx):
        out = self.plan.output
        if self.kind == 'scalar':
            self.data_type = out[0].data_type
            self.nullable = True
        else:
            self.data_type = T.BooleanType()
            self.nullable = self.kind == 'in' and (self.children[0].nullable or out[0].nullable)
            if self.kind == 'in':
                ct = comparison_type(self.children[0].data_type, out[0].data_type)
                self.cmp_type = ct
                self.children = [implicit_cast(self.children[0], ct)]
        return self

    def outer_references(self):
        """Outer attributes this subquery's plan reads (correlation), found iteratively."""
        out = []
        stack = [self.plan]
        while stack:
            p = stack.pop()
            for e in p.expressions():
                for x in find_all(e, (OuterReference, SubqueryExpression)):
                    if isinstance(x, OuterReference):
                        if all(x.attr.expr_id != o.expr_id for o in out):
                            out.append(x.attr)
                    else:
                        stack.append(x.plan)
            stack.extend(p.children)
        return out

    def compile(self, ctx):
        cache = {}
        outer = [a for a in self.outer_references() if a.expr_id in ctx.pos]
        if outer:
            idx = [(a.expr_id, ctx.index_of(a)) for a in outer]
            session = ctx.session
            current = {}

            def bind(row):
                current['row'] = row

            def rows():
                row = current['row']
                frame = dict((eid, row[i]) for eid, i in idx)
                session.outer_stack.append(frame)
                try:
                    return ctx.run_subquery(self.plan)
                finally:
                    session.outer_stack.pop()
        else:
            def bind(row):
                pass

            def rows():
                if 'r' not in cache:
                    cache['r'] = ctx.run_subquery(self.plan)
                return cache['r']
        if self.kind == 'scalar':
            def run(row):
                bind(row)
                r = rows()
                if len(r) > 1:
                    from .errors import SparkRuntimeException
                    raise SparkRuntimeException(None, {}, message='[SCALAR_SUBQUERY_TOO_MANY_ROWS] More than one row returned by a subquery used as an expression.')
                return r[0][0] if r else None
            return run
        if self.kind == 'exists':
            def run_exists(row):
                bind(row)
                return len(rows()) > 0
            return run_exists
        fv = self.children[0].compile(ctx)
        caster = make_caster(self.plan.output[0].data_type, self.cmp_type)

        def run_in(row):
            v = fv(row)
            if v is None:
                return None
            bind(row)
            saw_null = False
            for r in rows():
                x = r[0]
                if x is None:
                    saw_null = True
                elif caster(x) == v:
                    return True
            return None if saw_null else False
        return run_in
