// Root site: our service-provider metadata for one workspace, for its admin to give their IdP.
import { NextResponse } from 'next/server';
import { globalDb } from '@/lib/db/global-db';
import { serviceProviderMetadataXml } from '@/lib/sso/saml/saml-client';

type Context = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Context) {
  const { slug } = await params;
  if (!(await globalDb().tenant.findFirst({ where: { slug }, select: { id: true } }))) {
    return new NextResponse(null, { status: 404 });
  }
  return new NextResponse(serviceProviderMetadataXml(slug), {
    headers: { 'content-type': 'application/samlmetadata+xml; charset=utf-8' },
  });
}
