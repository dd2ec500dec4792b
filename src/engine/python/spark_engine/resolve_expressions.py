"""Expression resolution: names (case-insensitive, qualified, nested fields, outer references),
functions (built-ins, UDFs, aggregates, windows, higher-order functions with lambdas) and types."""

import copy

from . import types as T
from . import expressions as E
from . import windows as W
from . import hof as H
from .errors import AnalysisException
from .function_spec import lookup as lookup_function
from .check_analysis import _first_origin  # noqa: F401


def eq_name(a, b):
    """Spark's default (case-insensitive) resolver."""
    return a.lower() == b.lower()


class ExpressionResolution:
    def resolve_expr(self, e, inputs, fallback=None):
        """Resolve names/functions/types of ``e`` against ``inputs`` (bottom-up)."""
        if e.data_type is not None and not isinstance(e, E.SubqueryExpression) and e.is_resolved():
            return e
        if isinstance(e, E.UnresolvedAttribute):
            r = self.lookup_attribute(e, inputs)
            if r is None and fallback is not None:
                r = self.lookup_attribute(e, fallback)
            if r is not None and e.origin is not None and r.origin is None:
                r = copy.copy(r)
                r.origin = e.origin
            if r is None and self.outer_inputs:
                o = self.lookup_attribute(e, self.outer_inputs)
                if o is not None:
                    return E.OuterReference(o)
            return r if r is not None else e
        if isinstance(e, E.SubqueryExpression):
            kids = [self.resolve_expr(c, inputs, fallback) for c in e.children]
            sub = type(self)(self.session)
            sub.cte_scopes = list(self.cte_scopes)
            sub.outer_inputs = list(inputs) + list(fallback or []) + list(self.outer_inputs)
            plan = sub.resolve(e.plan)
            ne = copy.copy(e)
            ne.children = kids
            ne.plan = plan
            if plan.resolved and all(k.is_resolved() for k in kids):
                sub.check(plan)
                ne.type_check(self.ctx)
            return ne
        if (isinstance(e, E.UnresolvedFunction) and e.name.lower() == 'count' and len(e.children) == 1
                and isinstance(e.children[0], E.UnresolvedStar) and not e.children[0].target):
            e = copy.copy(e)
            e.children = [E.Literal(1, T.IntegerType())]
        if isinstance(e, E.UnresolvedFunction) and any(isinstance(c, H.LambdaFunction) for c in e.children):
            return self._resolve_hof(e, inputs, fallback)
        if e.children:
            kids = [self.resolve_expr(c, inputs, fallback) for c in e.children]
            if any(a is not b for a, b in zip(kids, e.children)):
                e = e.with_children(kids)
            if not all(k.is_resolved() for k in kids):
                return e
        if isinstance(e, E.UnresolvedFunction):
            return self.resolve_function(e, inputs)
        if isinstance(e, (E.UnresolvedAlias, E.UnresolvedStar, E.AttributeReference, E.Literal,
                          E.BoundReference)):
            return e
        if e.data_type is not None and e.is_resolved():
            return e
        e = copy.copy(e)
        try:
            r = e.type_check(self.ctx)
            return r if r is not None else e
        except E.TypeCheckError as err:
            e.data_type = None
            e.type_error = err
            return e

    def _resolve_hof(self, f, inputs, fallback):
        name = f.name.lower()
        line, pos = f.origin if f.origin else (None, None)
        if name not in H.HOF_NAMES:
            raise AnalysisException('INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION', {}, message=(
                '[INVALID_LAMBDA_FUNCTION_CALL.NON_HIGHER_ORDER_FUNCTION] Invalid lambda function call. '
                'A lambda function should only be used in a higher order function. However, its class '
                'is %s, which is not a higher order function.' % name), line=line, pos=pos)
        args = [c if isinstance(c, H.LambdaFunction) else self.resolve_expr(c, inputs, fallback)
                for c in f.children]
        plain = [a for a in args if not isinstance(a, H.LambdaFunction)]
        if not all(a.is_resolved() for a in plain):
            g = copy.copy(f)
            g.children = args
            return g
        var_types = H.lambda_var_types(name, plain)
        out = []
        li = 0
        for a in args:
            if isinstance(a, H.LambdaFunction):
                types = var_types[li] if li < len(var_types) else []
                li += 1
                vs = [H.LambdaVariable(p, t, nl) for p, (t, nl) in zip(a.params, types)]
                lf = H.LambdaFunction(a.params, self.resolve_expr(a.children[0], vs + list(inputs), fallback))
                lf.variables = vs
                if name in ('aggregate', 'reduce') and li == 1 and lf.children[0].is_resolved():
                    # the accumulator takes the merge result's type (zero is cast to it)
                    mt = lf.children[0].data_type
                    if plain[1].data_type != mt:
                        plain[1] = E.implicit_cast(plain[1], mt)
                        args[1] = plain[1]
                out.append(lf)
            else:
                out.append(a)
        e = H.HigherOrderFunction(name, out)
        e.origin = f.origin
        if not all(c.is_resolved() for c in out):
            return e
        try:
            H.type_result(e)
        except E.TypeCheckError as err:
            e.data_type = None
            e.type_error = err
        return e

    def lookup_attribute(self, ua, inputs):
        parts = ua.parts
        cands = [a for a in inputs if eq_name(a.name, parts[-1]) and _qual_match(a, parts[:-1])]
        if cands:
            return self._unique(cands, ua)
        # nested field access: col.field[.field...] or qualifier.col.field
        for split in range(1, len(parts)):
            head, fields = parts[:split], parts[split:]
            base = [a for a in inputs if eq_name(a.name, head[-1]) and _qual_match(a, head[:-1])]
            if base:
                e = self._unique(base, ua)
                for f in fields:
                    if not isinstance(e.data_type, T.StructType):
                        return None
                    try:
                        e = E.GetField(e, f).type_check(self.ctx)
                    except E.TypeCheckError:
                        return None
                return E.Alias(e, fields[-1]).type_check(self.ctx) if False else e
        return None

    def _unique(self, cands, ua):
        uniq = []
        for c in cands:
            if all(c.expr_id != u.expr_id for u in uniq):
                uniq.append(c)
        if len(uniq) > 1:
            line, pos = ua.origin if ua.origin else (None, None)
            raise AnalysisException('AMBIGUOUS_REFERENCE', {
                'name': E.quote_ident(ua.name) if len(ua.parts) == 1 else ua.quoted(),
                'referenceNames': '[%s]' % ', '.join(u.qualified_sql() for u in uniq)},
                line=line, pos=pos)
        return uniq[0]

    _DISTINCT_ALIASES = {'sum_distinct': 'sum', 'count_distinct': 'count', 'countdistinct': 'count',
                         'sumdistinct': 'sum'}

    def resolve_function(self, f, inputs):
        name = f.name.lower()
        if name in self._DISTINCT_ALIASES:
            f = copy.copy(f)
            f.name = name = self._DISTINCT_ALIASES[name]
            f.distinct = True
        kind, spec = lookup_function(name)
        line, pos = f.origin if f.origin else (None, None)
        udf = self.session.udfs.get(name) if self.session is not None else None
        if udf is not None and getattr(f, 'window', None) is None:
            from .udf import PythonUDF
            e = PythonUDF(udf[0], udf[1], udf[2], f.children)
            e.origin = f.origin
            return e.type_check(self.ctx)
        if spec is None and W.is_window_function(name):
            kind = 'window'
        elif spec is None:
            raise AnalysisException('UNRESOLVED_ROUTINE', {
                'routineName': E.quote_ident(f.name),
                'searchPath': '[`system`.`builtin`, `system`.`session`, `spark_catalog`.`default`]'},
                line=line, pos=pos)
        n = len(f.children)
        window = getattr(f, 'window', None)
        if window is not None:
            return self._resolve_window(f, kind, spec, window, inputs)
        if W.is_window_function(name):
            raise AnalysisException('WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE', {}, message=(
                '[WINDOW_FUNCTION_WITHOUT_OVER_CLAUSE] Window function "%s" requires an OVER clause.'
                % f.sql()), line=line, pos=pos)
        if not spec.min_args <= n <= spec.max_args:
            if spec.min_args == spec.max_args:
                expected = str(spec.min_args)
            elif spec.max_args >= 10 ** 6:
                expected = '> %d' % (spec.min_args - 1)
            else:
                expected = '[%s]' % ', '.join(str(i) for i in range(spec.min_args, spec.max_args + 1))
            raise AnalysisException('WRONG_NUM_ARGS.WITHOUT_SUGGESTION', {
                'functionName': E.quote_ident(name), 'expectedNum': expected, 'actualNum': str(n),
                'docroot': 'https://spark.apache.org/docs/latest'}, line=line, pos=pos)
        if kind == 'agg':
            if any(c.contains_aggregate() for c in f.children):
                raise AnalysisException('NESTED_AGGREGATE_FUNCTION', {}, line=line, pos=pos)
            e = E.AggregateExpression(name, f.children, spec, f.distinct, f.ignore_nulls)
            e.filter = getattr(f, 'filter', None)
            if e.filter is not None:
                e.filter = self.resolve_expr(e.filter, inputs)
            if f.is_star and name != 'count':
                pass
        else:
            if f.distinct:
                raise AnalysisException('INVALID_SQL_SYNTAX', {}, message=(
                    '[INVALID_SQL_SYNTAX.FUNCTION_WITH_UNSUPPORTED_SYNTAX] Invalid SQL syntax: '
                    'The function %s does not support DISTINCT.' % E.quote_ident(name)), line=line, pos=pos)
            e = E.ScalarFunction(name, f.children, spec)
        e.origin = f.origin
        try:
            e.type_check(self.ctx)
        except E.TypeCheckError as err:
            e.data_type = None
            e.type_error = err
        return e

    def _resolve_window(self, f, kind, spec, window, inputs):
        if isinstance(window, tuple) and window[0] == 'named':
            raise AnalysisException(None, {}, message=(
                '[MISSING_WINDOW_SPECIFICATION] Window specification %s is not defined in the WINDOW '
                'clause.' % window[1]))
        if isinstance(window, tuple):
            _, part, order, frame = window
            ws = W.WindowSpecDef(part, order, _sql_frame(frame, self))
        else:
            ws = window
        part = [self.resolve_expr(p, inputs) for p in ws.partition]
        order = []
        for o in ws.order:
            r = self.resolve_expr(o.child, inputs)
            so = E.SortOrder(r, o.ascending, o.nulls_first)
            if r.is_resolved():
                so.type_check(self.ctx)
            order.append(so)
        if kind == 'window':
            fn = W.WindowFunction(f.name.lower(), f.children)
            fn.type_check(self.ctx)
        else:
            g = E.UnresolvedFunction(f.name, f.children, f.distinct, f.is_star, f.origin, f.ignore_nulls)
            fn = self.resolve_function(g, inputs)
            if not isinstance(fn, E.AggregateExpression):
                raise AnalysisException(None, {}, message=(
                    '[UNSUPPORTED_EXPR_FOR_WINDOW] Expression "%s" not supported within a window '
                    'function.' % fn.sql()))
        we = W.WindowExpression(fn, W.WindowSpecDef(part, order, ws.frame))
        if not all(c.is_resolved() for c in we.children):
            return we
        try:
            we.type_check(self.ctx)
        except E.TypeCheckError:
            raise AnalysisException(None, {}, message=(
                '[MISSING_ORDER_BY_WINDOW] Window function %s requires window to be ordered, please '
                'add ORDER BY clause. For example SELECT %s(value_expr) OVER (PARTITION BY window_partition '
                'ORDER BY window_ordering) from table.' % (E.quote_ident(fn.name) if False else fn.name, fn.name)))
        return we


def _qual_match(attr, quals):
    if not quals:
        return True
    q = [x.lower() for x in attr.qualifier]
    want = [x.lower() for x in quals]
    return len(q) >= len(want) and q[-len(want):] == want


def _sql_frame(frame, analyzer):
    if frame is None:
        return None
    kind, lo, hi = frame

    def conv(b):
        t, e = b
        if t.startswith('UNBOUNDED'):
            return None
        if t == 'CURRENT':
            return 0
        v = _eval_const(analyzer.resolve_expr(e, []), analyzer)
        return -int(v) if t == 'PRECEDING' else int(v)
    return (kind, conv(lo), conv(hi))


def _eval_const(e, analyzer):
    from .executor import eval_constant
    return eval_constant(e, analyzer.session)
