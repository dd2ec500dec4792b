import { SaxesParser } from 'saxes'

/** An element of a parsed XML document (enough to check JUnit reports). */
export interface XmlNode {
  readonly name: string
  readonly attributes: Record<string, string>
  readonly children: XmlNode[]
  text: string
}

/** Parses with saxes, a conforming XML 1.0 parser: any well-formedness error throws. */
export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser()
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' }
  const stack = [root]
  const errors: string[] = []
  parser.on('error', (e) => errors.push(e.message))
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
    }
    stack.at(-1)?.children.push(node)
    stack.push(node)
  })
  parser.on('text', (t) => {
    const top = stack.at(-1)
    if (top) top.text += t
  })
  parser.on('closetag', () => stack.pop())
  parser.write(xml).close()
  if (errors.length > 0) throw new Error(`invalid XML: ${errors.join('; ')}`)
  const [doc] = root.children
  if (!doc || root.children.length !== 1) throw new Error('expected exactly one root element')
  return doc
}

/**
 * Every descendant element named `name`, children before grandchildren.
 *
 * @example
 * all(parseXml('<a><b/><c><b/></c></a>'), 'b').length // 2
 */
export const all = (node: XmlNode, name: string): XmlNode[] => [
  ...node.children.filter((c) => c.name === name),
  ...node.children.flatMap((c) => all(c, name)),
]
