"""Data types and Row print, serialize and behave like pyspark 3.5's."""

import json
import unittest

from spark_engine import types as T
from spark_engine.row import Row


class TypeReprTest(unittest.TestCase):
    def test_atomic_types_print_like_pyspark(self):
        self.assertEqual(repr(T.LongType()), 'LongType()')
        self.assertEqual(repr(T.StringType()), 'StringType()')
        self.assertEqual(repr(T.DecimalType(2, 1)), 'DecimalType(2,1)')
        self.assertEqual(repr(T.NullType()), 'NullType()')

    def test_struct_type_repr(self):
        st = T.StructType([T.StructField('id', T.LongType(), True), T.StructField('v', T.StringType(), True)])
        self.assertEqual(repr(st), "StructType([StructField('id', LongType(), True), StructField('v', StringType(), True)])")

    def test_nested_type_repr(self):
        self.assertEqual(repr(T.ArrayType(T.IntegerType(), False)), 'ArrayType(IntegerType(), False)')
        self.assertEqual(repr(T.MapType(T.StringType(), T.LongType())), 'MapType(StringType(), LongType(), True)')

    def test_module_is_pyspark_types(self):
        self.assertEqual(T.LongType.__module__, 'pyspark.sql.types')
        self.assertEqual(Row.__module__, 'pyspark.sql.types')

    def test_simple_strings(self):
        cases = [(T.LongType(), 'bigint'), (T.IntegerType(), 'int'), (T.ShortType(), 'smallint'),
                 (T.ByteType(), 'tinyint'), (T.DecimalType(2, 1), 'decimal(2,1)'), (T.NullType(), 'void'),
                 (T.ArrayType(T.LongType()), 'array<bigint>'),
                 (T.MapType(T.StringType(), T.IntegerType()), 'map<string,int>'),
                 (T.StructType([T.StructField('a', T.IntegerType())]), 'struct<a:int>')]
        for dt, s in cases:
            self.assertEqual(dt.simpleString(), s)

    def test_type_names(self):
        self.assertEqual(T.LongType().typeName(), 'long')
        self.assertEqual(T.IntegerType().typeName(), 'integer')
        self.assertEqual(T.NullType().typeName(), 'void')
        self.assertEqual(T.DecimalType(2, 1).jsonValue(), 'decimal(2,1)')

    def test_struct_json_value_field_order(self):
        st = T.StructType([T.StructField('one', T.IntegerType(), False)])
        self.assertEqual(st.jsonValue(), {'type': 'struct', 'fields': [
            {'name': 'one', 'type': 'integer', 'nullable': False, 'metadata': {}}]})
        self.assertEqual(st.jvm_json(), '{"type":"struct","fields":[{"name":"one","type":"integer","nullable":false,"metadata":{}}]}')
        self.assertEqual(json.loads(st.json()), st.jsonValue())

    def test_tree_string(self):
        st = T.StructType([T.StructField('id', T.LongType(), True), T.StructField('v', T.StringType(), True)])
        self.assertEqual(st.treeString(), 'root\n |-- id: long (nullable = true)\n |-- v: string (nullable = true)\n')

    def test_nested_tree_string(self):
        st = T.StructType([T.StructField('a', T.ArrayType(T.IntegerType(), False), False),
                           T.StructField('m', T.MapType(T.StringType(), T.DecimalType(3, 1)), True)])
        self.assertEqual(st.treeString(),
                         'root\n |-- a: array (nullable = false)\n |    |-- element: integer (containsNull = false)\n'
                         ' |-- m: map (nullable = true)\n |    |-- key: string\n |    |-- value: decimal(3,1) (valueContainsNull = true)\n')

    def test_json_round_trip(self):
        st = T.StructType([T.StructField('a', T.ArrayType(T.DecimalType(3, 1), False), False),
                           T.StructField('m', T.MapType(T.StringType(), T.LongType()), True)])
        self.assertEqual(T.from_json(st.json()), st)
        self.assertEqual(T.from_json_value('void'), T.NullType())

    def test_types_compare_structurally(self):
        self.assertEqual(T.DecimalType(3, 1), T.DecimalType(3, 1))
        self.assertNotEqual(T.DecimalType(3, 1), T.DecimalType(3, 2))
        self.assertEqual(T.StructType([]).fields, [])


class RowTest(unittest.TestCase):
    def test_keyword_row_repr_and_access(self):
        r = Row(id=0, v='a')
        self.assertEqual(repr(r), "Row(id=0, v='a')")
        self.assertEqual(r.id, 0)
        self.assertEqual(r['v'], 'a')
        self.assertEqual(r[1], 'a')
        self.assertEqual(tuple(r), (0, 'a'))
        self.assertEqual(r.asDict(), {'id': 0, 'v': 'a'})

    def test_row_factory_form(self):
        P = Row('name', 'age')
        self.assertEqual(repr(P), "<Row('name', 'age')>")
        p = P('a', 1)
        self.assertEqual(repr(p), "Row(name='a', age=1)")
        self.assertEqual(p.age, 1)

    def test_row_is_tuple_and_read_only(self):
        r = Row(a=1)
        self.assertIsInstance(r, tuple)
        self.assertEqual(r, (1,))
        with self.assertRaises(RuntimeError):
            r.a = 2
        with self.assertRaises(AttributeError):
            r.nope

    def test_recursive_as_dict(self):
        r = Row(a=Row(b=1), c=[Row(d=2)])
        self.assertEqual(r.asDict(True), {'a': {'b': 1}, 'c': [{'d': 2}]})

    def test_contains_checks_field_names(self):
        self.assertIn('a', Row(a=1))


if __name__ == '__main__':
    unittest.main()
